package org.imrindex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.imrindex.analysis.ShingleSignature;
import org.imrindex.model.Decision;
import org.imrindex.model.DeterminationLetter;
import org.imrindex.query.SimilarRationales;
import org.imrindex.query.SimilarRequest;
import org.imrindex.query.SimilarResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code imr similar CASE|LETTER_ID [--decision N]}: the decisions of other letters whose rationale is nearly the same. */
@Command(
    name = "similar",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the decisions of other letters whose rationale is nearly the same as a decision's, across",
      "letters and reviewers: each with its letter, decision, outcome, reviewer specialty and item, and",
      "two similarities of the rationales' " + ShingleSignature.SHINGLE_SIZE + "-word shingles: est, the MinHash estimate the index",
      "finds them by, and exact, the Jaccard similarity of the two stored rationales. Without --decision,",
      "each decision of the letter in turn.",
      "",
      "Examples:  imr similar CM17-0019907",
      "           imr similar CM16-0230651 --decision 8 --min-similarity 0.3"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:Success (also when nothing is similar).", "1:No letter has that case number or id.",
        "2:Usage error: a bad key, --decision, --min-similarity or --limit.",
        "3:No index, or one this version cannot read (it says what to do).", "130:Interrupted (Ctrl-C)."})
final class SimilarCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  IndexOption index;

  @Parameters(paramLabel = "CASE_NUMBER|LETTER_ID", description = "The letter's case number (any case) or id.")
  String key;

  @Option(names = "--decision", paramLabel = "N", description = "The letter's decision, from 1. Default: each of them.")
  Integer decision;

  @Option(names = "--min-similarity", paramLabel = "J", defaultValue = "0.5",
      description = "The lowest estimated Jaccard similarity listed, above 0 and at most 1. Default: ${DEFAULT-VALUE}.")
  double minSimilarity;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "The most decisions listed per decision. Default: ${DEFAULT-VALUE}.")
  int limit;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    return QueryCommands.run(err, () -> {
      SimilarResult r;
      try (OpenIndexes.Lease lease = OpenIndexes.open(index.readable())) {
        r = new SimilarRationales(lease.index()).run(new SimilarRequest(key, decision, minSimilarity, limit));
      }
      if (r == null) {
        err.println("imr: no letter with case number or id " + Terminal.escape(key.strip()));
        return ExitCode.SOME_FAILED;
      }
      PrintWriter out = spec.commandLine().getOut();
      out.print((String) Terminal.escapeControls(text(r, minSimilarity)));
      out.flush();
      return ExitCode.OK;
    });
  }

  /** Each decision asked about, then its near-duplicates, one line each. */
  static String text(SimilarResult r, double min) {
    StringBuilder sb = new StringBuilder();
    int n = r.letter().decisions().size();
    for (SimilarResult.Source s : r.sources()) {
      sb.append(String.format(Locale.ROOT, "%s decision %d of %d: %s   %s%n", name(r.letter(), r.letterId()), s.decisionNo() + 1, n,
          outcome(s.decision()), item(s.decision())));
      if (s.decision().rationale() == null || s.decision().rationale().isBlank()) {
        sb.append("  no rationale to compare\n");
      } else if (s.matches().isEmpty()) {
        sb.append(String.format(Locale.ROOT, "  no decision of another letter has a rationale at estimated Jaccard %.2f or more%n", min));
      } else {
        sb.append("   est  exact  letter        decision  outcome     specialty  |  item\n");
        for (SimilarResult.Match m : s.matches()) {
          sb.append(String.format(Locale.ROOT, "  %.2f   %.2f  %-12s  %-8s  %-10s  %s  |  %s%n", m.estimated(), m.exact(),
              name(m.letter(), m.letterId()).replace("letter ", ""), (m.decisionNo() + 1) + " of " + m.letter().decisions().size(),
              outcome(m.decision()), specialty(m.letter()), item(m.decision())));
        }
      }
    }
    return sb.toString();
  }

  private static String name(DeterminationLetter l, String id) {
    return l.caseNumber() != null ? l.caseNumber() : "letter " + id.substring(0, Math.min(12, id.length()));
  }

  private static String outcome(Decision d) {
    return d.outcome() == null ? "?" : d.outcome().toString();
  }

  private static String item(Decision d) {
    return d.item() == null ? "-" : d.item().strip().replaceAll("\\s+", " ");
  }

  private static String specialty(DeterminationLetter l) {
    return l.reviewer().specialties().isEmpty() ? "-" : String.join(", ", l.reviewer().specialties());
  }
}
