package org.imrindex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.imrindex.index.IndexVerifier;
import org.imrindex.schema.NoIndexException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code imr verify}: Lucene's CheckIndex, read-only. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {"Check the index with Lucene's CheckIndex without changing it.", "", "Example:  imr verify --index /data/imr-index"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:The index is clean.", "1:The index has problems (see --verbose).", "2:Usage error.",
        "3:No index, or it is being written."})
final class VerifyCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  IndexOption index;

  @Option(names = "--verbose", description = "Print CheckIndex's full report.")
  boolean verbose;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    IndexVerifier.Result r;
    try {
      r = IndexVerifier.verify(index.readable());
    } catch (NoIndexException e) {
      spec.commandLine().getErr().println("imr: " + Terminal.escape(e.getMessage()));
      return ExitCode.FATAL;
    } catch (org.imrindex.query.QuerySyntaxException e) {
      spec.commandLine().getErr().println("imr: " + Terminal.escape(e.getMessage()));
      return ExitCode.USAGE;
    } catch (IOException e) {
      spec.commandLine().getErr().println("imr: " + Terminal.escape(String.valueOf(e.getMessage())));
      return ExitCode.FATAL;
    }
    if (verbose) {
      out.print(r.report());
    }
    out.println(r.clean()
        ? "clean: " + Numbers.grouped(r.segments()) + " segments, " + Numbers.grouped(r.documents()) + " documents checked"
        : "NOT clean: " + Terminal.escape(r.problem()));
    out.flush();
    return r.clean() ? ExitCode.OK : ExitCode.SOME_FAILED;
  }
}
