package org.imrindex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.imrindex.schema.IndexField;
import org.imrindex.model.LetterJson;
import org.imrindex.query.QueryIndex;
import org.imrindex.query.QuerySyntaxException;
import org.imrindex.query.SignificantTerms;
import org.imrindex.query.TermsRequest;
import org.imrindex.query.TermsJson;
import org.imrindex.query.TermsResult;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code imr terms}: the language that distinguishes two sets of decisions. */
@Command(
    name = "terms",
    mixinStandardHelpOptions = true,
    description = {
      "The words and two-word phrases that most distinguish the decisions matching --query from the",
      "rest (or, with --compare outcome, overturned from upheld decisions), with their counts in each",
      "set. Score: log-odds ratio with an informative Dirichlet prior from all counted decisions,",
      "divided by its standard deviation (Monroe, Colaresi & Quinn 2008); |z| > 1.96 is significant",
      "at 5%% for one term. --filter limits the decisions counted on both sides.",
      "",
      "The letters' template is left out, and how many terms that was is said: terms in over 90%% of",
      "the decisions, or of one layout's decisions, or (with --compare outcome) of one layout's",
      "overturned or upheld decisions, where such a group has at least 30 decisions; with --compare",
      "outcome also the phrases that state the outcome (\"not medically\", \"is medically\": the list",
      "is outcome-phrases.txt in the query engine). Stop words are left out too. A number before the",
      "letter A's, as in \"4 A's\" of opioid monitoring (also written \"four As\" or \"4As\"), counts as",
      "one term, 4 a's, and not as the number.",
      "",
      "Examples:  imr terms --compare outcome",
      "           imr terms --query '\"long-term use\"' --filter drug_class=opioid"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:Success.", "2:Usage error: bad query, unknown dimension or value.", "3:No index."})
final class TermsCommand implements Callable<Integer> {

  /** The fields terms can read. */
  enum TextFieldChoice {
    RATIONALE(IndexField.RATIONALE), SUMMARY(IndexField.SUMMARY), ITEM(IndexField.ITEM), GUIDELINE(IndexField.GUIDELINE);

    final IndexField field;

    TextFieldChoice(IndexField field) {
      this.field = field;
    }
  }

  /** Completion candidates of --compare. */
  static final class CompareChoices implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return List.of("outcome").iterator();
    }
  }

  /** What the comparison is: a query, or the outcome. */
  static final class Sides {
    @Option(names = "--query", paramLabel = "Q", required = true, description = "Contrast the decisions matching Q with the rest.")
    String query;

    @Option(names = "--compare", paramLabel = "outcome", required = true, completionCandidates = CompareChoices.class,
        description = "Contrast overturned with upheld decisions (only 'outcome').")
    String compare;
  }

  @Spec
  CommandSpec spec;

  @Mixin
  IndexOption index;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Sides sides;

  @Mixin
  FilterOptions filterOptions;

  @Mixin
  ExactOption exactOption;

  @Option(names = "--field", paramLabel = "FIELD", defaultValue = "rationale", description = "rationale, summary, item or guideline. Default: ${DEFAULT-VALUE}.")
  TextFieldChoice field;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "15", description = "Terms per side, 0 to 1,000. Default: ${DEFAULT-VALUE}.")
  int limit;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
  SummaryFormat format;

  @Mixin
  WidthOption width;

  @Option(names = "--save", paramLabel = "FILE.json",
      description = "Also save the question, the index commit, the tool version and the result (the JSON of --format json) for imr rerun.")
  java.nio.file.Path save;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    return QueryCommands.run(err, () -> {
      if (sides.compare != null && !sides.compare.equalsIgnoreCase("outcome")) {
        throw new QuerySyntaxException("--compare takes 'outcome', got '" + sides.compare + "'");
      }
      TermsRequest request = new TermsRequest(field.field, sides.query, exactOption.exact, sides.compare != null, filterOptions.filters(), limit);
      if (save != null) {
        org.imrindex.query.SavedAnalysis.checkTarget(save);
      }
      try (OpenIndexes.Lease lease = OpenIndexes.open(index.readable())) {
        QueryIndex qi = lease.index();
        TermsResult result = new SignificantTerms(qi).run(request);
        if (save != null) {
          org.imrindex.query.Rerun.terms(request, result, qi).write(save);
        }
        print(result, format, width.columns(), spec.commandLine().getOut());
      }
      return ExitCode.OK;
    });
  }

  static void print(TermsResult r, SummaryFormat format, int width, PrintWriter out) throws IOException {
    if (format == SummaryFormat.JSON) {
      out.println(LetterJson.mapper().writeValueAsString(TermsJson.of(r)));
    } else {
      out.printf(Locale.ROOT, "%s: %s decisions (%s words)   %s: %s decisions (%s words)%n", r.labelA(),
          Numbers.grouped(r.decisionsA()), Numbers.grouped(r.tokensA()), r.labelB(), Numbers.grouped(r.decisionsB()), Numbers.grouped(r.tokensB()));
      out.println(templateLine(r));
      table(out, "typical of " + r.labelA(), r.forA(), r, width);
      table(out, "typical of " + r.labelB(), r.forB(), r, width);
    }
    out.flush();
  }

  /** The line that says what was left out as the template, naming the three terms in the most decisions. */
  static String templateLine(TermsResult r) {
    if (r.templateLeftOut() == 0) {
      return "left out as the letters' template: none";
    }
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "left out as the letters' template: %s term%s (",
        Numbers.grouped(r.templateLeftOut()), r.templateLeftOut() == 1 ? "" : "s"));
    List<String> shown = r.templateExamples().subList(0, Math.min(3, r.templateExamples().size()));
    for (int i = 0; i < shown.size(); i++) {
      b.append(i == 0 ? "" : ", ").append('"').append(Terminal.escape(shown.get(i))).append('"');
    }
    return b.append(r.templateLeftOut() > shown.size() ? ", …)" : ")").toString();
  }

  /** The narrowest the term column is cut to when the table is wider than the terminal. */
  private static final int MIN_TERM = 12;

  /**
   * One side's terms: the term column as wide as the longest term of both sides (at least 32), the
   * counts as wide as theirs; wider than {@code width}, terms are cut with '~' (to no less than 12
   * characters).
   */
  private static void table(PrintWriter out, String title, List<TermsResult.TermScore> terms, TermsResult r, int width) {
    int termWidth = Math.max(32, ("typical of " + (r.labelA().length() > r.labelB().length() ? r.labelA() : r.labelB())).length() - 2);
    int a = Math.max(10, r.labelA().length());
    int b = Math.max(10, r.labelB().length());
    for (TermsResult.TermScore t : java.util.stream.Stream.concat(r.forA().stream(), r.forB().stream()).toList()) {
      termWidth = Math.max(termWidth, Terminal.escape(t.term()).length());
      a = Math.max(a, Numbers.grouped(t.countA()).length());
      b = Math.max(b, Numbers.grouped(t.countB()).length());
    }
    int over = 2 + termWidth + 1 + a + 1 + b + 1 + 8 - width;
    if (over > 0) {
      termWidth = Math.max(Math.min(MIN_TERM, termWidth), termWidth - over);
    }
    String counts = " %" + a + "s %" + b + "s %8s%n";
    out.printf(Locale.ROOT, "%n%-" + (termWidth + 2) + "s" + counts, cut(title, termWidth + 2), r.labelA(), r.labelB(), "z");
    String row = "  %-" + termWidth + "s" + counts;
    if (terms.isEmpty()) {
      out.println("  (none)");
    }
    for (TermsResult.TermScore t : terms) {
      out.printf(Locale.ROOT, row, cut(Terminal.escape(t.term()), termWidth), Numbers.grouped(t.countA()), Numbers.grouped(t.countB()),
          String.format(Locale.ROOT, "%.2f", t.z()));
    }
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "~";
  }

}
