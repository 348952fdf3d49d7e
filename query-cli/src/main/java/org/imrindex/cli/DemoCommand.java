package org.imrindex.cli;

import org.imrindex.analysis.AnalysisChain;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.imrindex.schema.FacetDimension;
import org.imrindex.index.IngestRequest;
import org.imrindex.parse.IsolatedParser;
import org.imrindex.query.Filters;
import org.imrindex.query.Level;
import org.imrindex.query.QueryIndex;
import org.imrindex.query.QuerySyntaxException;
import org.imrindex.query.ReportRequest;
import org.imrindex.query.ReportSort;
import org.imrindex.query.Reporter;
import org.imrindex.query.SearchRequest;
import org.imrindex.query.Searcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code imr demo}: indexes the bundled letters and shows a search and a report, with the commands behind them. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Index the bundled corpus-samples letters (five real seeds and samples of every layout) into a",
      "temporary index (or --index DIR), then show a search with snippets and facets and an",
      "uphold-rate report by drug class, each under the command that produces it. Outside the",
      "imr-index checkout the letters packed in the jar are used (copied to a temporary folder)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:Success.", "1:Some letters did not index.",
        "2:The --index folder is not empty and not an imr index (nothing is written there).",
        "3:The letters were not found, or the index could not be written."})
final class DemoCommand implements Callable<Integer> {

  static final String QUERY = "rationale:\"long-term use\"";

  @Spec
  CommandSpec spec;

  @Option(names = "--letters", paramLabel = "DIR", description = "Letters to use instead of the bundled ones.")
  Path letters;

  @Option(names = "--index", paramLabel = "DIR", description = "Index to write (default: a new temporary folder).")
  Path index;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (letters != null && !Files.isDirectory(letters)) {
      err.println("imr: letters folder not found: " + Terminal.escape(letters.toString()));
      return ExitCode.FATAL;
    }
    Path dir = letters != null ? letters : DemoLetters.bundled();
    if (dir == null) {
      err.println("imr: bundled letters not found (neither corpus-samples/letters under the imr-index checkout nor in the jar); use --letters DIR");
      return ExitCode.FATAL;
    }
    Path ix = index != null ? index : Files.createTempDirectory("imr-demo-");
    String i = Terminal.escape(ix.toString());
    String d = Terminal.escape(dir.toString());

    out.printf(Locale.ROOT, "$ imr index --index %s %s%n", i, d);
    out.flush();
    int indexed = IndexCommand.run(new IngestRequest(ix, List.of(dir), Runtime.getRuntime().availableProcessors(), 5000,
        Duration.ofSeconds(30), IsolatedParser.Options.defaults(), AnalysisChain.MEDICAL), SummaryFormat.TEXT, true, out, err);
    if (indexed == ExitCode.USAGE || indexed == ExitCode.FATAL) {
      return indexed; // nothing to show: the index was refused or could not be written (stderr says why)
    }
    try (QueryIndex qi = QueryIndex.open(ix)) {
      out.printf(Locale.ROOT, "%n$ imr search --index %s '%s' --facet drug_class --facet outcome --limit 3%n", i, QUERY);
      SearchCommand.print(new Searcher(qi).search(new SearchRequest(QUERY, false, Filters.none(),
          List.of(FacetDimension.DRUG_CLASS, FacetDimension.OUTCOME), Level.DECISION, 3, 0, org.imrindex.query.SearchSort.RELEVANCE)),
          SearchCommand.Format.TEXT, Boolean.getBoolean("imr.stdout.tty"), Terminal.width(null), SearchCommand.showCommand(ix), out);
      out.printf(Locale.ROOT, "%n$ imr report --index %s --by drug_class%n", i);
      ReportCommand.print(new Reporter(qi).run(new ReportRequest(List.of(FacetDimension.DRUG_CLASS), null, false, Filters.none(),
          Level.DECISION, 1, ReportSort.N)), ReportCommand.Format.TEXT, Terminal.width(null), out);
    } catch (QuerySyntaxException e) {
      throw new IllegalStateException("the demo's own query is invalid", e);
    }
    out.printf(Locale.ROOT, "%nGo further (the index stays at %s):%n", i);
    out.printf(Locale.ROOT, "  imr search --index %s '\"functional improvement\"' --facet all%n", i);
    out.printf(Locale.ROOT, "  imr report --index %s --by specialty --by outcome --format csv%n", i);
    out.printf(Locale.ROOT, "  imr export --index %s --format csv --out decisions.csv%n", i);
    Path example = DemoLetters.example(dir);
    if (example != null) {
      out.printf(Locale.ROOT, "  imr extract --format text %s   one letter, as imr reads it%n", Terminal.escape(example.toString()));
    }
    out.flush();
    return indexed == ExitCode.OK ? ExitCode.OK : ExitCode.SOME_FAILED;
  }
}
