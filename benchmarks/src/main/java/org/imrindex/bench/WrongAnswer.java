package org.imrindex.bench;

import java.util.List;

/** A benchmark got an answer other than the one it must give: the run stops and its timings are void. */
final class WrongAnswer extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> differences;

  WrongAnswer(String benchmark, List<String> differences) {
    super(benchmark + ": WRONG ANSWER, timings void:\n  " + String.join("\n  ", differences));
    this.differences = List.copyOf(differences);
  }

  /** What differed, one line each. */
  List<String> differences() {
    return differences;
  }
}
