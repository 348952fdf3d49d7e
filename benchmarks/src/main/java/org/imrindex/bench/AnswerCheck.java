package org.imrindex.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The answers of one benchmark run checked against what they must be, before any speed is reported:
 * the differences are collected, and {@link #orFail()} ends the run on the first check that found
 * any. A benchmark's {@code main} runs through {@link #exitOnWrongAnswer}, so a wrong answer prints
 * what differed on stderr and exits with status 1 instead of being timed.
 */
final class AnswerCheck {

  /** Exit status of a run that got a wrong answer. */
  static final int WRONG_ANSWER = 1;

  /** A benchmark's main body. */
  @FunctionalInterface
  interface Body {
    void run() throws Exception;
  }

  private final String benchmark;
  private final List<String> differences = new ArrayList<>();

  AnswerCheck(String benchmark) {
    this.benchmark = benchmark;
  }

  /** Notes a difference when {@code actual} is not {@code expected}. */
  AnswerCheck same(String what, Object expected, Object actual) {
    if (!Objects.equals(expected, actual)) {
      differences.add(what + ": expected " + expected + ", got " + actual);
    }
    return this;
  }

  /** Notes each key whose value differs, or that only one side has. */
  <K extends Comparable<K>, V> AnswerCheck sameCounts(String what, Map<K, V> expected, Map<K, V> actual) {
    TreeSet<K> keys = new TreeSet<>(expected.keySet());
    keys.addAll(actual.keySet());
    for (K k : keys) {
      same(what + " [" + k + "]", expected.get(k), actual.get(k));
    }
    return this;
  }

  /** What differed so far, one line each. */
  List<String> differences() {
    return List.copyOf(differences);
  }

  /** Throws {@link WrongAnswer} if any check found a difference. */
  void orFail() {
    if (!differences.isEmpty()) {
      throw new WrongAnswer(benchmark, differences);
    }
  }

  /** Runs {@code body}; a wrong answer is printed on {@code err}. Returns 0, or {@link #WRONG_ANSWER}. */
  static int run(Body body, PrintStream err) throws Exception {
    try {
      body.run();
      return 0;
    } catch (WrongAnswer e) {
      err.println("bin/bench " + e.getMessage());
      err.flush();
      return WRONG_ANSWER;
    }
  }

  /** A benchmark's main: runs {@code body} and exits with status 1 on a wrong answer (other failures propagate). */
  static void exitOnWrongAnswer(Body body) throws Exception {
    int status = run(body, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }
}
