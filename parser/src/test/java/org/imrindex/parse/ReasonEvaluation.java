package org.imrindex.parse;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Prints the reason figures of a set of hand labels (the README's table): {@code ReasonEvaluation dev}
 * or {@code held-out}; {@code --misses} also lists each disagreement with its sentence. Run from parser/
 * with the test classpath; a tool, not a test.
 */
final class ReasonEvaluation {

  private ReasonEvaluation() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    boolean misses = java.util.Arrays.asList(args).contains("--misses");
    for (String a : args) {
      if (a.equals("--misses")) {
        continue;
      }
      ReasonScores.Result r = ReasonScores.score(a.contains("/") ? java.nio.file.Path.of(a) : ReasonScores.labels(a));
      out.println(a + ": " + r.table());
      if (misses) {
        for (ReasonScores.Miss m : r.misses()) {
          out.println((m.falsePositive() ? "FP " : "FN ") + m.decision() + " " + m.code() + ": " + m.sentence());
        }
      }
    }
  }
}
