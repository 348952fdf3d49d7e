package org.imrindex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.imrindex.corpus.GeneratedCorpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code imr generate}: writes a seeded synthetic corpus for scale tests and benchmarks. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Write N synthetic determination letters (all four layouts, PDF-style artefacts) into DIR,",
      "1,000 per subfolder, with the generated totals in DIR/" + GeneratedCorpus.MANIFEST + ".",
      "The same seed always gives the same letters.",
      "",
      "Example:  imr generate --count 10000 --seed 7 /tmp/imr-gen"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:Letters written.", "2:Usage error.", "3:The folder could not be written."})
final class GenerateCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--count", paramLabel = "N", defaultValue = "1000", description = "Letters to write. Default: ${DEFAULT-VALUE}.")
  int count;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Random seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Parameters(paramLabel = "DIR", description = "Folder to write into (created if missing).")
  Path dir;

  /** What generate is asked to do. */
  record Request(int count, long seed, Path dir) {}

  @Override
  public Integer call() {
    if (count < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--count must be at least 1, got " + count);
    }
    return generate(new Request(count, seed, dir), spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  static int generate(Request r, PrintWriter out, PrintWriter err) {
    long start = System.nanoTime();
    GeneratedCorpus.Manifest m;
    try {
      m = GeneratedCorpus.write(r.dir(), r.count(), r.seed());
    } catch (IOException e) {
      err.println("imr: cannot write " + Terminal.escape(r.dir().toString()) + ": " + e.getMessage());
      return ExitCode.FATAL;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf(Locale.ROOT, "wrote %s letters (%s decisions, %s upheld, %.1f MB) to %s in %.1f s%n",
        Numbers.grouped(m.letters()), Numbers.grouped(m.decisions()), Numbers.grouped(m.upheld()), m.bytes() / 1e6, Terminal.escape(r.dir().toString()), seconds);
    out.flush();
    return ExitCode.OK;
  }
}
