package org.imrindex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.imrindex.corpus.GeneratedCorpus;
import org.imrindex.corpus.LetterGenerator;
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
      "The same seed always gives the same letters. Real-size letters by default (5.6 KB and",
      "1.9 decisions a letter, as the real ones); --size compact writes the short ones of before.",
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

  @Option(names = "--size", paramLabel = "SIZE", defaultValue = "real",
      description = "real (the real letters' sizes) or compact (1.7 KB letters). Default: ${DEFAULT-VALUE}.")
  String size;

  @Parameters(paramLabel = "DIR", description = "Folder to write into (created if missing).")
  Path dir;

  /** What generate is asked to do. */
  record Request(int count, long seed, LetterGenerator.Size size, Path dir) {}

  @Override
  public Integer call() {
    if (count < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--count must be at least 1, got " + count);
    }
    LetterGenerator.Size s = switch (size) {
      case "real" -> LetterGenerator.Size.REAL;
      case "compact" -> LetterGenerator.Size.COMPACT;
      default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--size must be real or compact, got " + size);
    };
    return generate(new Request(count, seed, s, dir), spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  static int generate(Request r, PrintWriter out, PrintWriter err) {
    long start = System.nanoTime();
    GeneratedCorpus.Manifest m;
    try {
      m = GeneratedCorpus.write(r.dir(), r.count(), r.seed(), r.size());
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
