package org.imrindex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.imrindex.model.Decision;
import org.imrindex.model.Outcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code imr demo}: parses the bundled letters and shows what imr reads from them. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Parse the bundled corpus-samples letters (five real seeds and samples of every layout)",
      "and show, per letter, the layout and decisions read, then uphold counts by drug class,",
      "with the commands that go further."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:Every bundled letter parsed.", "1:Some bundled letters did not parse.", "3:The bundled letters were not found."})
final class DemoCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--letters", paramLabel = "DIR", description = "Letters to use instead of the bundled ones.")
  Path letters;

  @Override
  public Integer call() throws IOException {
    Path dir = letters != null ? letters : bundled();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (dir == null || !Files.isDirectory(dir)) {
      err.println("imr: bundled letters not found (looked for corpus-samples/letters under the imr-index checkout); use --letters DIR");
      return ExitCode.FATAL;
    }
    return demo(dir, out, err);
  }

  /** corpus-samples/letters of the checkout the launcher runs from, else of the working folder. */
  private static Path bundled() {
    String home = System.getProperty("imr.home");
    Path base = home != null ? Path.of(home) : Path.of("");
    Path letters = base.resolve("corpus-samples").resolve("letters");
    Path cwd = Path.of("").toAbsolutePath();
    Path abs = letters.toAbsolutePath().normalize();
    return abs.startsWith(cwd) ? cwd.relativize(abs) : abs;
  }

  static int demo(Path dir, PrintWriter out, PrintWriter err) throws IOException {
    Map<String, int[]> byClass = new TreeMap<>();
    int[] totals = new int[3]; // letters, decisions, upheld
    out.printf("$ imr extract --format text %s   (one line per letter here)%n%n", Terminal.escape(dir.toString()));
    out.printf("  %-36s %-20s %s%n", "letter", "layout", "decisions (U = upheld, O = overturned)");
    int failed = LetterFiles.parseEach(List.of(dir), err, l -> {
      totals[0]++;
      StringBuilder marks = new StringBuilder();
      for (Decision d : l.decisions()) {
        boolean up = d.outcome() == Outcome.UPHELD;
        totals[1]++;
        totals[2] += up ? 1 : 0;
        marks.append(up ? 'U' : d.outcome() == null ? '?' : 'O');
        String key = d.drug() == null ? "(not a drug: " + d.serviceCategory() + ")" : String.valueOf(d.drug().drugClass());
        int[] c = byClass.computeIfAbsent(key, k -> new int[2]);
        c[0]++;
        c[1] += up ? 1 : 0;
      }
      String name = Path.of(l.source().path()).getFileName().toString();
      out.printf("  %-36s %-20s %s%n", Terminal.escape(shorten(name, 36)), l.layout(), marks);
    });
    int letterCount = totals[0];
    int decisions = totals[1];
    int upheld = totals[2];
    out.printf(Locale.ROOT, "%n%d letters, %d decisions, %d upheld (%.0f%%)%n%n", letterCount, decisions, upheld,
        decisions == 0 ? 0.0 : 100.0 * upheld / decisions);
    out.printf("  %-42s %9s %7s%n", "drug class", "decisions", "upheld");
    byClass.forEach((k, c) -> out.printf("  %-42s %9d %7d%n", k, c[0], c[1]));
    out.printf("%nGo further:%n");
    out.printf("  imr extract --format text %s   a letter, read by imr%n",
        Terminal.escape(dir.resolve("seeds").resolve("003_1bf899ffda0acde2.txt").toString()));
    out.printf("  imr extract --format json %s > letters.json   every record, as JSON%n", Terminal.escape(dir.toString()));
    out.printf("  imr generate --count 10000 /tmp/imr-gen   a synthetic corpus for scale tests%n");
    out.flush();
    return failed == 0 ? ExitCode.OK : ExitCode.SOME_FAILED;
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }
}
