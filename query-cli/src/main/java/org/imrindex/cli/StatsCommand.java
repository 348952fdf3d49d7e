package org.imrindex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.imrindex.query.IndexStats;
import org.imrindex.schema.IncompatibleIndexException;
import org.imrindex.schema.NoIndexException;
import org.imrindex.model.LetterJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code imr stats}: what the index holds. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = {"Letters (and those with parse warnings: --filter parse_warnings=some lists them), decisions,",
        "outcomes, distinct values per facet dimension and size of the index.",
        "", "Example:  imr stats --format json"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:Success.", "2:Usage error.", "3:No index, or one this version cannot read (it says what to do)."})
final class StatsCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  IndexOption index;

  /** The stats' names in snake_case, as every other machine-readable output: {@code letters_with_parse_warnings}. */
  private static final com.fasterxml.jackson.databind.ObjectMapper SNAKE_CASE = LetterJson.mapper().copy()
      .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE);

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
  SummaryFormat format;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    IndexStats s;
    try {
      s = IndexStats.read(index.readable());
    } catch (NoIndexException | IncompatibleIndexException e) {
      spec.commandLine().getErr().println("imr: " + Terminal.escape(e.getMessage()));
      return ExitCode.FATAL;
    } catch (org.imrindex.query.QuerySyntaxException e) {
      spec.commandLine().getErr().println("imr: " + Terminal.escape(e.getMessage()));
      return ExitCode.USAGE;
    }
    if (format == SummaryFormat.JSON) {
      out.println(SNAKE_CASE.writeValueAsString(s));
    } else {
      out.printf(Locale.ROOT, "letters      %12s   with parse warnings %s (%s decisions)%n", Numbers.grouped(s.letters()),
          Numbers.grouped(s.lettersWithParseWarnings()), Numbers.grouped(s.decisionsInLettersWithParseWarnings()));
      out.printf(Locale.ROOT, "decisions    %12s   upheld %s (%.1f%%), overturned %s%n", Numbers.grouped(s.decisions()), Numbers.grouped(s.upheld()),
          s.decisions() == 0 ? 0.0 : 100.0 * s.upheld() / s.decisions(), Numbers.grouped(s.overturned()));
      out.printf(Locale.ROOT, "index size   %12s bytes%n", Numbers.grouped(s.indexBytes()));
      out.printf(Locale.ROOT, "last commit  %s   (imr %s)%n", s.lastCommit(), s.toolVersion());
      out.println("distinct values per dimension:");
      s.dims().forEach((dim, n) -> out.printf(Locale.ROOT, "  %-18s %8s%n", dim, Numbers.grouped(n)));
    }
    out.flush();
    return ExitCode.OK;
  }
}
