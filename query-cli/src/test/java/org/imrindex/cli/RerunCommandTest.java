package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.imrindex.model.LetterJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report --save and imr rerun on an index of the five seeds. The counts come from the seeds'
 * hand-written records (corpus-samples/expected/seeds): 12 decisions, 11 upheld; by drug class opioid
 * 5 (5 upheld), benzodiazepine 4 (4), muscle_relaxant 2 (2), nsaid 1 (0). The letter added later,
 * samples/pr-01-single-overturned.txt, has one decision, an NSAID overturned (its expected record).
 * Commit generations are read with Lucene's SegmentInfos, not through imr.
 */
class RerunCommandTest {

  private static final ObjectMapper JSON = LetterJson.mapper();

  @TempDir
  Path tmp;

  Path letters;
  String index;
  Path saved;

  @BeforeEach
  void indexTheSeedsAndSaveAReport() throws IOException {
    letters = Files.createDirectories(tmp.resolve("letters"));
    try (Stream<Path> s = Files.list(Fixtures.corpus().resolve("letters/seeds"))) {
      for (Path p : s.toList()) {
        Files.copy(p, letters.resolve(p.getFileName()));
      }
    }
    index = tmp.resolve("idx").toString();
    Fixtures.Run built = Fixtures.imr("index", "--index", index, "--quiet", letters.toString());
    assertEquals(0, built.exit(), built.err());
    saved = tmp.resolve("by-class.json");
    Fixtures.Run run = Fixtures.imr("report", "--index", index, "--by", "drug_class", "--save", saved.toString());
    assertEquals(0, run.exit(), run.err());
    // the command prints what it prints without --save
    Fixtures.Run plain = Fixtures.imr("report", "--index", index, "--by", "drug_class");
    assertEquals(plain.out(), run.out());
    assertEquals("", run.err());
  }

  private long generation() throws IOException {
    try (FSDirectory dir = FSDirectory.open(Path.of(index))) {
      return SegmentInfos.readLatestCommit(dir).getGeneration();
    }
  }

  private String version() throws IOException {
    return JSON.readTree(saved.toFile()).path("tool").path("version").asText();
  }

  @Test
  void theFileHoldsTheQuestionTheIndexTheToolAndTheJsonResult() throws IOException {
    JsonNode file = JSON.readTree(saved.toFile());
    assertEquals("imr-saved-analysis/1", file.path("format").asText());
    assertEquals(JSON.readTree("{\"command\":\"report\",\"by\":[\"drug_class\"],\"query\":null,\"exact\":false,\"filters\":{},"
        + "\"level\":\"decision\",\"min_n\":1,\"sort\":\"n\"}"), file.path("question"));
    assertEquals(generation(), file.path("index").path("generation").asLong());
    assertEquals(5, file.path("index").path("letters").asLong());
    assertEquals(12, file.path("index").path("decisions").asLong());
    // layout 10 since the rationale sentence hashes (IndexCommandTest names the same number)
    assertEquals("10", file.path("index").path("user_data").path("imr.format").asText());
    assertEquals("medical-1", file.path("tool").path("analysis_chain").asText());
    Fixtures.Run json = Fixtures.imr("report", "--index", index, "--by", "drug_class", "--format", "json");
    assertEquals(JSON.readTree(json.out()), file.path("result"));
    try (Stream<Path> s = Files.list(tmp)) {
      assertFalse(s.anyMatch(p -> p.getFileName().toString().endsWith(".imr-partial")), "a partial file was left");
    }
  }

  @Test
  void rerunOnTheSameIndexIsIdentical() throws IOException {
    Fixtures.Run run = Fixtures.imr("rerun", "--index", index, saved.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals("the result is identical to the saved one\n"
        + "the index is the same: generation " + generation() + ", 5 letters, 12 decisions\n"
        + "the tool is the same: imr " + version() + ", analysis chain medical-1\n", run.out());
    assertEquals("", run.err());
  }

  @Test
  void oneMoreLetterChangesTheIndexAndTheRowsThatCountIt() throws IOException {
    long before = generation();
    Files.copy(Fixtures.corpus().resolve("letters/samples/pr-01-single-overturned.txt"), letters.resolve("pr-01-single-overturned.txt"));
    Fixtures.Run again = Fixtures.imr("index", "--index", index, "--quiet", letters.toString());
    assertEquals(0, again.exit(), again.err());
    long after = generation();
    assertTrue(after > before, "indexing a new letter commits");
    Fixtures.Run run = Fixtures.imr("rerun", "--index", index, saved.toString());
    assertEquals(1, run.exit(), run.err());
    assertEquals("the result differs from the saved one\n"
        + "the index changed: generation " + before + " -> " + after + ", 5 -> 6 letters, 12 -> 13 decisions\n"
        + "the tool is the same: imr " + version() + ", analysis chain medical-1\n"
        + "rows that differ (saved -> now):\n"
        + "  total: 12 decisions, 11 upheld -> 13 decisions, 11 upheld\n"
        + "  drug_class=nsaid: 1 decision, 0 upheld -> 2 decisions, 0 upheld\n", run.out());
  }

  @Test
  void aHandEditedCountDiffersOnAnUnchangedIndex() throws IOException {
    ObjectNode file = (ObjectNode) JSON.readTree(saved.toFile());
    for (JsonNode row : file.path("result").path("rows")) {
      if (row.path("drug_class").asText().equals("opioid")) {
        ((ObjectNode) row).put("decisions", 6).put("upheld", 6);
      }
    }
    Files.writeString(saved, JSON.writeValueAsString(file), StandardCharsets.UTF_8);
    Fixtures.Run run = Fixtures.imr("rerun", "--index", index, saved.toString());
    assertEquals(1, run.exit(), run.err());
    assertEquals("the result differs from the saved one\n"
        + "the index is the same: generation " + generation() + ", 5 letters, 12 decisions\n"
        + "the tool is the same: imr " + version() + ", analysis chain medical-1\n"
        + "rows that differ (saved -> now):\n"
        + "  drug_class=opioid: 6 decisions, 6 upheld -> 5 decisions, 5 upheld\n", run.out());
  }

  @Test
  void anotherToolVersionIsSaidEvenWhenTheResultIsTheSame() throws IOException {
    String now = version();
    ObjectNode file = (ObjectNode) JSON.readTree(saved.toFile());
    ((ObjectNode) file.path("tool")).put("version", "0.0.1");
    Files.writeString(saved, JSON.writeValueAsString(file), StandardCharsets.UTF_8);
    Fixtures.Run run = Fixtures.imr("rerun", "--index", index, saved.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals("the result is identical to the saved one\n"
        + "the index is the same: generation " + generation() + ", 5 letters, 12 decisions\n"
        + "the tool changed: imr 0.0.1 -> " + now + ", analysis chain medical-1\n", run.out());
  }

  @Test
  void aMalformedFileIsOneLineAndExit2() throws IOException {
    Path bad = tmp.resolve("bad.json");
    Files.writeString(bad, "{\"format\": \"imr-saved-analysis/1\",\n \"question\": ", StandardCharsets.UTF_8);
    Fixtures.Run run = Fixtures.imr("rerun", "--index", index, bad.toString());
    assertEquals(2, run.exit());
    assertEquals("", run.out());
    assertEquals("imr: " + bad + " is not JSON (line 2)\n", run.err());

    Files.writeString(bad, "{\"rows\": []}", StandardCharsets.UTF_8);
    run = Fixtures.imr("rerun", "--index", index, bad.toString());
    assertEquals(2, run.exit());
    assertEquals("imr: " + bad + " is not a saved analysis (no \"format\": \"imr-saved-analysis/1\")\n", run.err());

    ObjectNode file = (ObjectNode) JSON.readTree(saved.toFile());
    ((ObjectNode) file.path("question")).put("level", "paragraph");
    Files.writeString(bad, JSON.writeValueAsString(file), StandardCharsets.UTF_8);
    run = Fixtures.imr("rerun", "--index", index, bad.toString());
    assertEquals(2, run.exit());
    assertEquals("imr: the question's value 'paragraph' is not a level\n", run.err());

    run = Fixtures.imr("rerun", "--index", index, tmp.resolve("missing.json").toString());
    assertEquals(2, run.exit());
    assertEquals("imr: no saved analysis at " + tmp.resolve("missing.json") + "\n", run.err());
  }

  @Test
  void noIndexIsExit3() {
    Path none = tmp.resolve("no-index");
    Fixtures.Run run = Fixtures.imr("rerun", "--index", none.toString(), saved.toString());
    assertEquals(3, run.exit());
    assertEquals("imr: no index at " + none + "; make one with: imr index --index " + none + " FOLDER\n", run.err());
  }

  @Test
  void saveToAMissingFolderIsRefusedBeforeTheReportRuns() {
    Path file = tmp.resolve("nowhere").resolve("a.json");
    Fixtures.Run run = Fixtures.imr("report", "--index", index, "--by", "drug_class", "--save", file.toString());
    assertEquals(2, run.exit());
    assertEquals("", run.out());
    assertEquals("imr: --save " + file + ": no folder " + tmp.resolve("nowhere") + "\n", run.err());
  }

  @Test
  void aSavedSearchSaysItsTotalAndFacetCountsChanged() throws IOException {
    // one NSAID decision among the seeds (001, overturned); pr-01 adds another, overturned
    Path search = tmp.resolve("nsaid.json");
    Fixtures.Run run = Fixtures.imr("search", "--index", index, "--filter", "drug_class=nsaid", "--facet", "outcome", "--limit", "0",
        "--save", search.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals(Fixtures.imr("search", "--index", index, "--filter", "drug_class=nsaid", "--facet", "outcome", "--limit", "0").out(), run.out());
    Fixtures.Run same = Fixtures.imr("rerun", "--index", index, search.toString());
    assertEquals(0, same.exit(), same.err());
    assertTrue(same.out().startsWith("the result is identical to the saved one\n"), same.out());
    long before = generation();
    Files.copy(Fixtures.corpus().resolve("letters/samples/pr-01-single-overturned.txt"), letters.resolve("pr-01-single-overturned.txt"));
    assertEquals(0, Fixtures.imr("index", "--index", index, "--quiet", letters.toString()).exit());
    Fixtures.Run changed = Fixtures.imr("rerun", "--index", index, search.toString());
    assertEquals(1, changed.exit(), changed.err());
    assertEquals("the result differs from the saved one\n"
        + "the index changed: generation " + before + " -> " + generation() + ", 5 -> 6 letters, 12 -> 13 decisions\n"
        + "the tool is the same: imr " + version() + ", analysis chain medical-1\n"
        + "rows that differ (saved -> now):\n"
        + "  total: 1 -> 2\n"
        + "  outcome=overturned: 1 -> 2\n", changed.out());
  }

  @Test
  void aSavedSearchNamesTheHitWhoseScoreWasEdited() throws IOException {
    Path search = tmp.resolve("nsaid.json");
    assertEquals(0, Fixtures.imr("search", "--index", index, "--filter", "drug_class=nsaid", "--save", search.toString()).exit());
    ObjectNode file = (ObjectNode) JSON.readTree(search.toFile());
    ObjectNode hit = (ObjectNode) file.path("result").path("hits").get(0);
    String id = hit.path("letter_id").asText().substring(0, 12);
    String score = hit.path("score").asText();
    hit.put("score", 9.5);
    Files.writeString(search, JSON.writeValueAsString(file), StandardCharsets.UTF_8);
    Fixtures.Run run = Fixtures.imr("rerun", "--index", index, search.toString());
    assertEquals(1, run.exit(), run.err());
    assertTrue(run.out().endsWith("rows that differ (saved -> now):\n"
        + "  hit " + id + " decision 1: #1, score 9.5 -> #1, score " + score + "\n"), run.out());
    assertTrue(run.out().contains("\nthe index is the same: "), run.out());
  }

  @Test
  void savedTermsRerunIdenticalThenTheIndexChanged() throws IOException {
    Path terms = tmp.resolve("terms.json");
    Fixtures.Run run = Fixtures.imr("terms", "--index", index, "--compare", "outcome", "--limit", "3", "--save", terms.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals(Fixtures.imr("terms", "--index", index, "--compare", "outcome", "--limit", "3").out(), run.out());
    assertEquals("terms", JSON.readTree(terms.toFile()).path("question").path("command").asText());
    assertEquals(JSON.readTree(Fixtures.imr("terms", "--index", index, "--compare", "outcome", "--limit", "3", "--format", "json").out()),
        JSON.readTree(terms.toFile()).path("result"));
    Fixtures.Run same = Fixtures.imr("rerun", "--index", index, terms.toString());
    assertEquals(0, same.exit(), same.err());
    assertTrue(same.out().startsWith("the result is identical to the saved one\n"), same.out());
    Files.copy(Fixtures.corpus().resolve("letters/samples/pr-01-single-overturned.txt"), letters.resolve("pr-01-single-overturned.txt"));
    assertEquals(0, Fixtures.imr("index", "--index", index, "--quiet", letters.toString()).exit());
    Fixtures.Run changed = Fixtures.imr("rerun", "--index", index, terms.toString());
    assertEquals(1, changed.exit(), changed.err());
    // one more overturned decision: the overturned side's size is a differing row
    assertTrue(changed.out().contains("\nthe index changed: ") && changed.out().contains("\n  overturned: decisions 1, tokens "), changed.out());
  }

  @Test
  void aSaveThatFailsLeavesTheSavedFileAsItWas() throws IOException {
    byte[] before = Files.readAllBytes(saved);
    // the partial file's place is taken by a folder: writing it fails
    Path partial = Files.createDirectory(tmp.resolve("." + saved.getFileName() + ".imr-partial"));
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    picocli.CommandLine cl = Imr.commandLine();
    cl.setOut(new java.io.PrintWriter(out, true));
    cl.setErr(new java.io.PrintWriter(err, true));
    // through Imr.execute, as main runs a command: its handler turns an I/O failure into one line
    int exit = Imr.execute(cl, "report", "--index", index, "--by", "outcome", "--save", saved.toString());
    assertEquals(3, exit, out.toString());
    // the reason between is the system's ("Is a directory")
    assertTrue(err.toString().startsWith("imr: cannot save " + saved + ": "), err.toString());
    assertTrue(err.toString().endsWith(" (" + partial + ") (--debug shows the stack trace)\n"), err.toString());
    assertEquals(1, err.toString().lines().count(), err.toString());
    assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(Files.readAllBytes(saved)));
    assertFalse(Files.exists(partial), "the partial file's place is cleared");
  }

  /** imr overview --save into {@code file}: exit 0, the page written, the file saved. */
  private Path saveOverview(String name, String... more) {
    Path file = tmp.resolve(name);
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("overview", "--index", index, "--out",
        tmp.resolve(name + ".html").toString(), "--save", file.toString()));
    args.addAll(java.util.List.of(more));
    Fixtures.Run run = Fixtures.imr(args.toArray(String[]::new));
    assertEquals(0, run.exit(), run.err());
    assertEquals("imr: overview of 12 decisions written to " + tmp.resolve(name + ".html") + "\n", run.err());
    assertTrue(Files.isRegularFile(tmp.resolve(name + ".html")));
    return file;
  }

  @Test
  void aSavedOverviewHoldsItsQuestionItsFiguresAndTheTerms() throws IOException {
    Path file = saveOverview("overview.json", "--min-n", "3", "--terms", "4");
    JsonNode f = JSON.readTree(file.toFile());
    assertEquals("imr-saved-analysis/1", f.path("format").asText());
    assertEquals(JSON.readTree("{\"command\":\"overview\",\"query\":null,\"exact\":false,\"filters\":{},\"min_n\":3,\"terms\":4}"),
        f.path("question"));
    assertEquals(generation(), f.path("index").path("generation").asLong());
    assertEquals(12, f.path("result").path("total").path("decisions").asLong());
    assertEquals(11, f.path("result").path("total").path("upheld").asLong());
    assertEquals(5, f.path("result").path("letters").asLong());
    java.util.List<String> dims = new java.util.ArrayList<>();
    JsonNode drugClass = null;
    for (JsonNode chart : f.path("result").path("charts")) {
      dims.add(chart.path("by").path(0).asText());
      if (chart.path("by").path(0).asText().equals("drug_class")) {
        drugClass = chart;
      }
    }
    // the page's charts, in its order: the dimensions, then the monthly trend
    assertEquals(java.util.List.of("service_category", "drug_class", "specialty", "licensure_state", "guideline_topic", "decision_month"), dims);
    // the seeds' records: opioid 5 (5 upheld), benzodiazepine 4 (4), muscle_relaxant 2 (2), nsaid 1 (0); below min-n 3 is small
    java.util.Map<String, String> rows = new java.util.TreeMap<>();
    for (JsonNode row : drugClass.path("rows")) {
      rows.put(row.path("drug_class").asText(), row.path("decisions").asLong() + "/" + row.path("upheld").asLong() + (row.path("small").asBoolean() ? " small" : ""));
    }
    assertEquals(java.util.Map.of("opioid", "5/5", "benzodiazepine", "4/4", "muscle_relaxant", "2/2 small", "nsaid", "1/0 small"), rows);
    Fixtures.Run terms = Fixtures.imr("terms", "--index", index, "--compare", "outcome", "--limit", "4", "--format", "json");
    assertEquals(JSON.readTree(terms.out()), f.path("result").path("terms"));
  }

  @Test
  void aSavedOverviewRerunsIdenticalAndAHandEditedCountDiffers() throws IOException {
    Path file = saveOverview("overview.json");
    Fixtures.Run same = Fixtures.imr("rerun", "--index", index, file.toString());
    assertEquals(0, same.exit(), same.err());
    assertEquals("the result is identical to the saved one\n"
        + "the index is the same: generation " + generation() + ", 5 letters, 12 decisions\n"
        + "the tool is the same: imr " + version() + ", analysis chain medical-1\n", same.out());
    assertEquals("", same.err());
    ObjectNode f = (ObjectNode) JSON.readTree(file.toFile());
    for (JsonNode chart : f.path("result").path("charts")) {
      for (JsonNode row : chart.path("rows")) {
        if (row.path("drug_class").asText().equals("opioid")) {
          ((ObjectNode) row).put("decisions", 6).put("upheld", 6);
        }
      }
    }
    Files.writeString(file, JSON.writeValueAsString(f), StandardCharsets.UTF_8);
    Fixtures.Run run = Fixtures.imr("rerun", "--index", index, file.toString());
    assertEquals(1, run.exit(), run.err());
    assertEquals("the result differs from the saved one\n"
        + "the index is the same: generation " + generation() + ", 5 letters, 12 decisions\n"
        + "the tool is the same: imr " + version() + ", analysis chain medical-1\n"
        + "rows that differ (saved -> now):\n"
        + "  drug_class=opioid: 6 decisions, 6 upheld -> 5 decisions, 5 upheld\n", run.out());
  }

  @Test
  void aSavedOverviewAfterOneMoreLetterNamesTheRowsThatCountIt() throws IOException {
    Path file = saveOverview("overview.json");
    long before = generation();
    // pr-01's record: one decision, pharmaceutical, an NSAID, overturned
    Files.copy(Fixtures.corpus().resolve("letters/samples/pr-01-single-overturned.txt"), letters.resolve("pr-01-single-overturned.txt"));
    assertEquals(0, Fixtures.imr("index", "--index", index, "--quiet", letters.toString()).exit());
    Fixtures.Run run = Fixtures.imr("rerun", "--index", index, file.toString());
    assertEquals(1, run.exit(), run.err());
    String out = run.out();
    assertTrue(out.startsWith("the result differs from the saved one\n"
        + "the index changed: generation " + before + " -> " + generation() + ", 5 -> 6 letters, 12 -> 13 decisions\n"
        + "the tool is the same: imr " + version() + ", analysis chain medical-1\n"
        + "rows that differ (saved -> now):\n"
        + "  total: 12 decisions, 11 upheld -> 13 decisions, 11 upheld\n"
        + "  letters: 5 -> 6\n"
        + "  service_category total: 12 decisions, 11 upheld -> 13 decisions, 11 upheld\n"), out);
    assertTrue(out.contains("\n  drug_class total: 12 decisions, 11 upheld -> 13 decisions, 11 upheld\n"
        + "  drug_class=nsaid: 1 decision, 0 upheld -> 2 decisions, 0 upheld\n"), out);
    assertTrue(out.contains("\n  terms: overturned: decisions 1, tokens "), out);
    assertFalse(out.contains("drug_class=opioid"), out);
  }

  @Test
  void anOverviewSaveToAMissingFolderIsRefusedBeforeItRuns() {
    Path file = tmp.resolve("nowhere").resolve("o.json");
    Fixtures.Run run = Fixtures.imr("overview", "--index", index, "--out", tmp.resolve("o.html").toString(), "--save", file.toString());
    assertEquals(2, run.exit());
    assertEquals("", run.out());
    assertEquals("imr: --save " + file + ": no folder " + tmp.resolve("nowhere") + "\n", run.err());
    assertFalse(Files.exists(tmp.resolve("o.html")), "nothing was written");
  }
}
