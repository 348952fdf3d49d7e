package org.imrindex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.imrindex.chart.OverviewJson;
import org.imrindex.query.IndexSnapshot;
import org.imrindex.query.Rerun;
import org.imrindex.query.SavedAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code imr rerun}: runs a saved analysis again and says whether the result is the same, and if not, why. */
@Command(
    name = "rerun",
    mixinStandardHelpOptions = true,
    description = {
      "Run a saved analysis again: the question of a file written by report, search, terms or overview --save,",
      "asked of the index. Says whether the result is identical, whether the index changed (its commit generation,",
      "user data, letter or decision count) and whether the tool did (version, analysis chain); when the",
      "result differs, the rows that differ, saved -> now.",
      "",
      "Example:  imr report --by drug_class --save drug-class.json",
      "          imr rerun drug-class.json"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:The result is identical.", "1:The result differs.", "2:Usage error: no such file, or not a saved analysis.",
        "3:No index."})
final class RerunCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  IndexOption index;

  @Parameters(index = "0", paramLabel = "FILE.json", description = "A file written by --save.")
  Path file;

  @Override
  public Integer call() throws IOException {
    return QueryCommands.run(spec.commandLine().getErr(), () -> {
      SavedAnalysis saved = SavedAnalysis.read(file);
      try (OpenIndexes.Lease lease = OpenIndexes.open(index.readable())) {
        Rerun.Outcome o = Rerun.run(saved, lease.index(), java.util.Map.of(OverviewJson.COMMAND, OverviewJson::ask));
        print(o, spec.commandLine().getOut());
        return o.identical() ? ExitCode.OK : ExitCode.SOME_FAILED;
      }
    });
  }

  static void print(Rerun.Outcome o, PrintWriter out) {
    out.println(o.identical() ? "the result is identical to the saved one" : "the result differs from the saved one");
    IndexSnapshot was = o.saved().index();
    IndexSnapshot is = o.now().index();
    out.printf(Locale.ROOT, "%s: generation %s, %s letters, %s decisions%n", o.indexChanged() ? "the index changed" : "the index is the same",
        change(was.generation(), is.generation()), change(was.letters(), is.letters()), change(was.decisions(), is.decisions()));
    out.printf(Locale.ROOT, "%s: imr %s, analysis chain %s%n", o.toolChanged() ? "the tool changed" : "the tool is the same",
        change(o.saved().toolVersion(), o.now().toolVersion()), change(o.saved().analysisChain(), o.now().analysisChain()));
    if (!o.rows().isEmpty()) {
      out.println("rows that differ (saved -> now):");
      for (Rerun.RowChange c : o.rows()) {
        out.printf(Locale.ROOT, "  %s: %s -> %s%n", Terminal.escape(c.key()), row(c.before()), row(c.after()));
      }
    }
    out.flush();
  }

  private static String change(Object was, Object is) {
    String a = was instanceof Long n ? Numbers.grouped(n) : String.valueOf(was);
    String b = is instanceof Long n ? Numbers.grouped(n) : String.valueOf(is);
    return a.equals(b) ? Terminal.escape(a) : Terminal.escape(a) + " -> " + Terminal.escape(b);
  }

  /** A report row as its counts ("10 decisions, 8 upheld"), another object as "key value, ...", any other value as itself. */
  private static String row(JsonNode n) {
    if (n == null) {
      return "(no row)";
    }
    for (String unit : new String[] {"decisions", "letters"}) {
      if (n.has(unit) && n.has("upheld")) {
        long count = n.get(unit).asLong();
        return Numbers.grouped(count) + " " + (count == 1 ? unit.substring(0, unit.length() - 1) : unit) + ", "
            + Numbers.grouped(n.get("upheld").asLong()) + " upheld";
      }
    }
    if (n.isObject()) {
      java.util.List<String> parts = new java.util.ArrayList<>();
      n.properties().forEach(e -> parts.add(e.getKey() + " " + (e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString())));
      return Terminal.escape(String.join(", ", parts));
    }
    return Terminal.escape(n.isValueNode() ? n.asText() : n.toString());
  }
}
