package org.imrindex.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.imrindex.chart.HtmlPage;
import org.imrindex.chart.Overview;
import org.imrindex.chart.OverviewJson;
import org.imrindex.chart.Overviewer;
import org.imrindex.query.QuerySyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code imr overview}: one self-contained HTML page of the main uphold rates, the trend and the distinguishing terms. */
@Command(
    name = "overview",
    mixinStandardHelpOptions = true,
    description = {
      "One self-contained HTML page (no script, no external file) to send around: the totals and overall uphold",
      "rate, the uphold rate by service_category, drug_class, specialty, licensure_state and guideline_topic (when",
      "the index has it), the trend by decision_month, and the terms that most distinguish overturned from upheld",
      "decisions (as imr terms --compare outcome; the query does not narrow them, the filters do). Each figure is",
      "the one imr report gives for the same question.",
      "",
      "Examples:  imr overview --out overview.html",
      "           imr overview --filter drug_class=opioid --min-n 10 --out opioids.html",
      "           imr overview --out overview.html --save overview.json   (then: imr rerun overview.json)"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:Success.", "2:Usage error: bad query, unknown dimension or value.", "3:No index."})
final class OverviewCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  IndexOption index;

  @Mixin
  QueryOptions queryOptions;

  @Mixin
  ExactOption exactOption;

  @Mixin
  FilterOptions filterOptions;

  @Option(names = "--min-n", paramLabel = "N", defaultValue = "1", description = "Draw groups smaller than N grey. Default: ${DEFAULT-VALUE}.")
  int minN;

  @Option(names = "--terms", paramLabel = "N", defaultValue = "15", description = "Terms on each side. Default: ${DEFAULT-VALUE}.")
  int terms;

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "The HTML file to write.")
  Path out;

  @Option(names = "--save", paramLabel = "FILE.json",
      description = "Also save the question, the index commit, the tool version and the figures (each chart's groups, the terms) for imr rerun.")
  Path save;

  @Override
  public Integer call() throws IOException {
    return QueryCommands.run(spec.commandLine().getErr(), () -> {
      if (terms < 0 || terms > 100) {
        throw new QuerySyntaxException("--terms takes 0 to 100, got " + terms);
      }
      Overview.Request request = new Overview.Request(queryOptions.query, exactOption.exact, filterOptions.filters(), minN, terms);
      if (save != null) {
        org.imrindex.query.SavedAnalysis.checkTarget(save);
      }
      Path path = index.readable();
      Overview overview;
      HtmlPage.Provenance provenance;
      org.imrindex.query.SavedAnalysis saved = null;
      try (OpenIndexes.Lease lease = OpenIndexes.open(path)) {
        overview = new Overviewer(lease.index()).run(request);
        provenance = ChartFiles.provenance(path, lease.index());
        if (save != null) {
          saved = OverviewJson.save(request, overview, lease.index());
        }
      }
      org.imrindex.query.WholeFile.write(out, HtmlPage.overview(overview, provenance).getBytes(StandardCharsets.UTF_8));
      if (saved != null) {
        saved.write(save);
      }
      spec.commandLine().getErr().printf(Locale.ROOT, "imr: overview of %s decisions written to %s%n", Numbers.grouped(overview.total().n()),
          Terminal.escape(out.toString()));
      return ExitCode.OK;
    });
  }
}
