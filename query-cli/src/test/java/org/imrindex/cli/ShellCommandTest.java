package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.shell.jline3.PicocliJLineCompleter;

class ShellCommandTest {

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  @TempDir
  Path tmp;

  @Test
  void runsCommandsWithoutThePrefixOnOneOpenIndex() throws Exception {
    Path index = tmp.resolve("index");
    assertEquals(0, Fixtures.imr("index", "--index", index.toString(), "--quiet", Fixtures.corpus().resolve("letters").toString()).exit());
    String input = String.join("\n",
        "report --by layout --format csv",
        "search 'rationale:\"long-term use\"' --limit 5 --format jsonl",
        "report --by drug_clas",
        "shell",
        "exit", "");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int before = OpenIndexes.openedSoFar();
    int exit = ShellCommand.run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, index);
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(0, exit);
    assertEquals(14, lines.size(), String.join("\n", lines));
    assertEquals("imr shell: commands as on the command line without 'imr' (help lists them); Tab completes; exit leaves.", lines.get(0));
    // decisions per layout counted in the letters: standard = the 5 seeds (12) + std-01 (4) + std-02 (5);
    // cover = cover-01..03 (3, 1, 2) + the HTML letter (3); documents-reviewed = docs-01..03 (2 each);
    // professional-review = pr-01..03 (1, 2, 1); notice = y2013-01..03 (1, 2, 4; 0, 1 and 3 upheld).
    // Rates and Wilson intervals computed from those counts.
    assertEquals(List.of(
        "layout,decisions,upheld,overturned,uphold_rate,ci95_low,ci95_high,share",
        "standard,21,18,3,0.8571,0.6536,0.9502,0.4468",
        "cover,9,4,5,0.4444,0.1888,0.7333,0.1915",
        "notice,7,4,3,0.5714,0.2505,0.8418,0.1489",
        "documents-reviewed,6,3,3,0.5,0.1876,0.8124,0.1277",
        "professional-review,4,3,1,0.75,0.3006,0.9544,0.0851"), lines.subList(1, 7));
    // the five rationales that say "long-term use" (grep -i 'long.\?term us' over the letters), in any order
    List<String> items = new ArrayList<>();
    for (String json : lines.subList(7, 12)) {
      items.add(JSON.readTree(json).get("item").asText());
    }
    assertEquals(List.of("30 Tablets of Valium 10mg", "Restoril 15 mg Qty 30 with 2 refills", "Soma 350mg #60", "Valium 10mg #120",
        "Xanax 0.5mg #30"), items.stream().sorted().toList());
    assertEquals(List.of(
        "imr: unknown dimension 'drug_clas'; dimensions are: outcome, drug, drug_class, service_category, specialty, "
            + "licensure_state, mtus_page, guideline_source, guideline_document, guideline_topic, injury_year, decision_year, decision_month, decision_quarter, layout, parse_warnings, ur_modification, reason, template_band",
        "imr: already in the shell"), lines.subList(12, 14));
    assertEquals(1, OpenIndexes.openedSoFar() - before, "the index should be opened once for all commands");
  }

  @Test
  void ctrlCStopsTheRunningCommandAndTheShellGoesOn() throws Exception {
    Path index = tmp.resolve("index");
    assertEquals(0, Fixtures.imr("index", "--index", index.toString(), "--quiet", Fixtures.corpus().resolve("letters").toString()).exit());
    String input = String.join("\n",
        "terms --compare outcome",
        "export --format csv --columns letter_id",
        "report --by layout --format csv",
        "exit", "");
    // Ctrl-C as the first two commands start (a signal handler's thread could come at any moment; at
    // the start is the moment a test can choose without a clock), none during the third
    java.util.concurrent.atomic.AtomicInteger commands = new java.util.concurrent.atomic.AtomicInteger();
    ShellCommand.Interrupts ctrlC = action -> {
      if (commands.incrementAndGet() <= 2) {
        action.run();
      }
      return () -> { };
    };
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.BufferedReader in = new java.io.BufferedReader(new java.io.StringReader(input));
    int exit = ShellCommand.loop(() -> {
      String line = in.readLine();
      return line == null ? null : new DefaultParser().parse(line, line.length()).words().stream().filter(w -> !w.isEmpty()).toList();
    }, new java.io.PrintWriter(out), index, ctrlC);
    assertEquals(0, exit);
    List<String> lines = out.toString().lines().toList();
    assertEquals(List.of(
        "imr shell: commands as on the command line without 'imr' (help lists them); Tab completes; exit leaves.",
        "imr: cancelled",
        "letter_id", // the CSV header, written before the first row; an --out FILE is left as it was (below)
        "imr: cancelled",
        // the layout counts of the test above: the cancelled commands left nothing behind
        "layout,decisions,upheld,overturned,uphold_rate,ci95_low,ci95_high,share",
        "standard,21,18,3,0.8571,0.6536,0.9502,0.4468",
        "cover,9,4,5,0.4444,0.1888,0.7333,0.1915",
        "notice,7,4,3,0.5714,0.2505,0.8418,0.1489",
        "documents-reviewed,6,3,3,0.5,0.1876,0.8124,0.1277",
        "professional-review,4,3,1,0.75,0.3006,0.9544,0.0851"), lines);
    assertEquals(3, commands.get());
  }

  @Test
  void aCancelledCommandExitsWith130AndTheNextRunsAgain() throws Exception {
    Path index = tmp.resolve("index");
    assertEquals(0, Fixtures.imr("index", "--index", index.toString(), "--quiet", Fixtures.corpus().resolve("letters").toString()).exit());
    OpenIndexes.keepOpen();
    try {
      for (String[] command : new String[][] {
          {"terms", "--index", index.toString(), "--compare", "outcome"},
          {"search", "--index", index.toString(), "Norco"},
          {"report", "--index", index.toString(), "--by", "drug_class"},
          {"export", "--index", index.toString(), "--format", "jsonl"}}) {
        OpenIndexes.clearCancel();
        ShellCommand.cancelRunning();
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cl = Imr.commandLine();
        cl.setOut(new java.io.PrintWriter(out));
        cl.setErr(new java.io.PrintWriter(err));
        assertEquals(ExitCode.CANCELLED, Imr.execute(cl, command), command[0] + ": " + err);
        cl.getErr().flush();
        assertEquals("imr: cancelled\n", err.toString(), command[0]);
        assertEquals("", out.toString(), command[0]);
        OpenIndexes.clearCancel();
        assertEquals(ExitCode.OK, Imr.execute(cl, command), command[0] + ": " + err);
      }
      Path file = tmp.resolve("decisions.csv");
      java.nio.file.Files.writeString(file, "an earlier export\n");
      ShellCommand.cancelRunning();
      assertEquals(ExitCode.CANCELLED, Fixtures.imr("export", "--index", index.toString(), "--format", "csv", "--out", file.toString()).exit());
      assertEquals("an earlier export\n", java.nio.file.Files.readString(file), "a cancelled export leaves the file as it was");
      try (var listing = java.nio.file.Files.list(tmp)) {
        assertEquals(List.of("decisions.csv", "index"), listing.map(f -> f.getFileName().toString()).sorted().toList(), "and no partial file");
      }
      OpenIndexes.clearCancel();
      Fixtures.Run written = Fixtures.imr("export", "--index", index.toString(), "--format", "csv", "--columns", "letter_id", "--out", file.toString());
      assertEquals(ExitCode.OK, written.exit(), written.err());
      assertEquals("imr: 47 decisions written to " + file + "\n", written.err());
      assertEquals(48, java.nio.file.Files.readAllLines(file).size());
    } finally {
      OpenIndexes.closeAll();
    }
  }

  @Test
  void tabCompletesCommandsOptionsAndDimensions() {
    PicocliJLineCompleter completer = new PicocliJLineCompleter(Imr.commandLine().getCommandSpec());
    // the completer offers every candidate of the position; the line reader keeps those starting with the word typed
    assertEquals(List.of("report"), complete(completer, "rep"));
    assertEquals(List.of("--facet"), complete(completer, "search --fac"));
    assertEquals(List.of("layout"), complete(completer, "report --by lay"));
    assertEquals(List.of("drug_class="), complete(completer, "search x --filter drug_c"));
    // after --facet: the nineteen dimensions (README) and "all"
    assertEquals(List.of("all", "decision_month", "decision_quarter", "decision_year", "drug", "drug_class", "guideline_document", "guideline_source", "guideline_topic",
        "injury_year", "layout", "licensure_state",
        "mtus_page", "outcome", "parse_warnings", "reason", "service_category", "specialty", "template_band", "ur_modification"), complete(completer, "search x --facet "));
  }

  @Test
  void tabCompletesFilterValuesFromTheIndexAndFormatsInLowercase() throws Exception {
    Path index = tmp.resolve("index");
    assertEquals(0, Fixtures.imr("index", "--index", index.toString(), "--quiet", Fixtures.corpus().resolve("letters").toString()).exit());
    ShellCompleter completer = new ShellCompleter(Imr.commandLine().getCommandSpec(), ShellCompleter.Values.INDEX);
    String on = "search --index " + index + " x --filter ";
    // the drug classes of the bundled letters' expected records starting with "op" / "mus": opioid, muscle_relaxant
    assertEquals(List.of("drug_class=opioid"), complete(completer, on + "drug_class=op"));
    assertEquals(List.of("drug_class=muscle_relaxant"), complete(completer, on + "drug_class=mus"));
    assertEquals(List.of("--filter=outcome=overturned", "--filter=outcome=upheld"),
        complete(completer, "search --index " + index + " x --filter=outcome="));
    assertEquals(List.of(), complete(completer, on + "no_such_dimension=x"));
    // the format names as they are typed (the enum's constants are upper case)
    assertEquals(List.of("csv", "html", "json", "png", "svg", "text"), complete(completer, "report --format "));
    assertEquals(List.of("json"), complete(completer, "report --format j"));
    // the other completions are picocli's
    assertEquals(List.of("drug_class="), complete(completer, "search x --filter drug_c"));
    assertEquals(List.of("report"), complete(completer, "rep"));
  }

  @Test
  void filterValuesComeFromTheIndexTheLineNamesElseTheShells() {
    List<Path> asked = new ArrayList<>();
    ShellCompleter completer = new ShellCompleter(Imr.commandLine().getCommandSpec(), (index, dim) -> {
      asked.add(index);
      return List.of("Opioid-like", "opioid");
    });
    complete(completer, "report --index /a/b --filter drug_class=o");
    complete(completer, "report --index=/c --filter drug_class=o");
    Path before = IndexOption.shellDefault;
    IndexOption.shellDefault = Path.of("/shell/default");
    try {
      complete(completer, "report --filter drug_class=o");
    } finally {
      IndexOption.shellDefault = before;
    }
    assertEquals(List.of(Path.of("/a/b"), Path.of("/c"), Path.of("/shell/default")), asked);
  }

  /** The completions of the line's last word, as the line reader shows them: candidates with that prefix (any case), sorted. */
  private static List<String> complete(org.jline.reader.Completer completer, String line) {
    List<Candidate> candidates = new ArrayList<>();
    var parsed = new DefaultParser().parse(line, line.length());
    completer.complete(null, parsed, candidates);
    return candidates.stream().map(Candidate::value)
        .filter(v -> v.toLowerCase(java.util.Locale.ROOT).startsWith(parsed.word().toLowerCase(java.util.Locale.ROOT))).sorted().toList();
  }

  /** The completions of the line's last word, as the line reader shows them: candidates with that prefix, sorted. */
  private static List<String> complete(PicocliJLineCompleter completer, String line) {
    List<Candidate> candidates = new ArrayList<>();
    var parsed = new DefaultParser().parse(line, line.length());
    completer.complete(null, parsed, candidates);
    return candidates.stream().map(Candidate::value).filter(v -> v.startsWith(parsed.word())).sorted().toList();
  }
}
