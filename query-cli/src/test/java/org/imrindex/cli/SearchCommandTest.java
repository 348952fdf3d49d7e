package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.imrindex.model.LetterJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** imr search on the corpus-samples index: exact hit sets, facets with and without filters, snippets, errors. */
class SearchCommandTest {

  private static final ObjectMapper JSON = LetterJson.mapper();

  @TempDir
  static Path tmp;

  static String index;

  @BeforeAll
  static void indexTheCorpus() throws IOException {
    index = Fixtures.corpusIndex();
  }

  private static JsonNode search(String... args) throws IOException {
    List<String> all = new ArrayList<>(List.of("search", "--index", index, "--format", "json", "--limit", "50"));
    all.addAll(List.of(args));
    Fixtures.Run run = Fixtures.imr(all.toArray(String[]::new));
    assertEquals(0, run.exit(), run.err());
    return JSON.readTree(run.out());
  }

  private static List<String> items(JsonNode result) {
    List<String> out = new ArrayList<>();
    result.get("hits").forEach(h -> out.add(h.get("item").asText()));
    out.sort(null);
    return out;
  }

  @Test
  void phraseProximityFieldAndLetterQueriesFindExactlyTheirDecisions() throws IOException {
    assertEquals(List.of("30 Tablets of Valium 10mg", "Restoril 15 mg Qty 30 with 2 refills", "Soma 350mg #60", "Valium 10mg #120",
        "Xanax 0.5mg #30"), items(search("rationale:\"long-term use\"")));
    assertEquals(List.of("Restoril 15 mg Qty 30 with 2 refills", "Valium 10mg #120", "Xanax 0.5mg #30"),
        items(search("rationale:\"risk dependence\"~2")));
    assertEquals(List.of("30 Tablets of Valium 10mg", "Restoril 15 mg Qty 30 with 2 refills", "Valium 10mg #120", "Xanax 0.5mg #30"),
        items(search("rationale:\"risk dependence\"~5")));
    assertEquals(List.of("Norco 10/325mg #120", "Norco 10/325mg #60", "Norco 10/325mg#120", "Norco 5/325 mg Qty 90"),
        items(search("item:norco")));
    assertEquals(List.of("30 Tablets of Valium 10mg", "90 Tablets of Percocet 7.5mg-500mg"), items(search("summary:\"lumbar fusion\"")));
    assertEquals(List.of("Ambien 10mg #30", "Cognitive behavioral therapy, 12 sessions", "Theramine #120", "cyclobenzaprine 10mg #30",
        "urine drug screen"), items(search("guideline:ODG")));
    assertEquals(List.of(), items(search("rationale:(dependence AND NOT benzodiazepines)")));
    // decision and letter fields combine clause by clause: the one decision of the lumbar-fusion
    // letter whose rationale names benzodiazepines
    assertEquals(List.of("30 Tablets of Valium 10mg"), items(search("rationale:benzodiazepines AND summary:\"lumbar fusion\"")));
    assertEquals(List.of("90 Tablets of Percocet 7.5mg-500mg"),
        items(search("summary:\"lumbar fusion\" AND NOT rationale:benzodiazepines")));
  }

  @Test
  void facetsCountDrillSideways() throws IOException {
    // every decision of the four letters whose text names benzodiazepines (or one of them)
    JsonNode plain = search("text:benzodiazepines", "--facet", "drug_class", "--facet", "outcome");
    assertEquals(10, plain.get("total").asInt());
    assertEquals("{\"drug_class\":[{\"value\":\"benzodiazepine\",\"count\":4},{\"value\":\"opioid\",\"count\":4},"
        + "{\"value\":\"muscle_relaxant\",\"count\":1},{\"value\":\"nsaid\",\"count\":1}],"
        + "\"outcome\":[{\"value\":\"upheld\",\"count\":9},{\"value\":\"overturned\",\"count\":1}]}", plain.get("facets").toString());

    JsonNode filtered = search("text:benzodiazepines", "--filter", "drug_class=opioid", "--facet", "drug_class", "--facet", "outcome");
    assertEquals(4, filtered.get("total").asInt());
    // the filtered dimension still shows its other values; the others count within the filter
    assertEquals("{\"drug_class\":[{\"value\":\"benzodiazepine\",\"count\":4},{\"value\":\"opioid\",\"count\":4},"
        + "{\"value\":\"muscle_relaxant\",\"count\":1},{\"value\":\"nsaid\",\"count\":1}],"
        + "\"outcome\":[{\"value\":\"upheld\",\"count\":4}]}", filtered.get("facets").toString());
  }

  @Test
  void aBareWordMeansTheDecisionsThatSayItRankedByTheirItemFirst() throws IOException {
    // the decisions whose own item, rationale or citations name Norco (or hydrocodone/acetaminophen):
    // the four Norco items and the seed's Percocet decision, "re-transitioned ... to Norco"
    JsonNode norco = search("Norco");
    assertEquals(List.of("90 Tablets of Percocet 7.5mg-500mg", "Norco 10/325mg #120", "Norco 10/325mg #60", "Norco 10/325mg#120",
        "Norco 5/325 mg Qty 90"), items(norco));
    List<String> ranked = new ArrayList<>();
    norco.get("hits").forEach(h -> ranked.add(h.get("item").asText()));
    assertTrue(ranked.subList(0, 4).stream().allMatch(i -> i.startsWith("Norco")), "a Norco item before a rationale's mention: " + ranked);
    assertEquals(List.of("Norco 10/325mg #120", "Norco 10/325mg #60", "Norco 10/325mg#120", "Norco 5/325 mg Qty 90"),
        items(search("item:Norco")));
    // named, the whole letter reaches every decision of the five letters that mention Norco (3 + 2 + 2 + 3 + 2)
    assertEquals(12, search("text:Norco").get("total").asInt());
    // the class: the four benzodiazepine requests, not the other decisions of their letters (text:benzodiazepines: 10)
    assertEquals(List.of("30 Tablets of Valium 10mg", "Restoril 15 mg Qty 30 with 2 refills", "Valium 10mg #120", "Xanax 0.5mg #30"),
        items(search("benzodiazepines")));
    assertEquals(items(search("benzodiazepines")), items(search("--exact", "item:(Valium OR Restoril OR Xanax)")));
  }

  @Test
  void letterLevelGivesDistinctLetters() throws IOException {
    JsonNode letters = search("benzodiazepines", "--level", "letter");
    assertEquals(4, letters.get("total").asInt());
    assertEquals(4, letters.get("hits").size());
  }

  @Test
  void snippetsMarkMatchesForTerminalsPipesAndHtml() throws IOException {
    JsonNode hit = search("rationale:\"opioid management\"", "--filter", "layout=cover").get("hits").get(0);
    assertEquals("rationale", hit.get("snippets").get(0).get("field").asText());
    String html = hit.get("snippets").get(0).get("html").asText();
    assertTrue(html.startsWith("The records document the 4 A's of ongoing <mark>opioid management</mark>: pain decreased from 8/10 to 4/10,"), html);

    Fixtures.Run piped = Fixtures.imr("search", "--index", index, "rationale:\"opioid management\"", "--filter", "layout=cover");
    assertEquals(0, piped.exit());
    assertTrue(piped.out().startsWith("1 decision matches rationale:\"opioid management\" (showing 1-1)\n\n"
        + "  1. overturned  Norco 10/325mg #60\n"
        + "     CM14-0041187 | decided 2014-04-02 | imr show --index " + index + " CM14-0041187\n"
        + "     pharmaceutical | hydrocodone/acetaminophen (opioid) | Orthopaedic Surgery |\n"
        + "     CA NV\n"
        + "     rationale: The records document the 4 A's of ongoing **opioid management**:\n"
        + "     pain decreased from 8/10 to 4/10, the injured worker returned to modified\n"), piped.out());
    assertEquals("\u001b[1mx\u001b[0m", SearchCommand.mark("\u0002x\u0003", true));
    assertEquals("a &lt;b&gt; <mark>c</mark>", SearchCommand.html("a <b> \u0002c\u0003"));
  }

  @Test
  void everyHitShowsAPassageOfEachFieldItMatched() {
    // seeds/000_3a4e8d0113b4c357.txt: the Valium rationale names benzodiazepines, the letter's summary the lumbar fusion
    Fixtures.Run both = Fixtures.imr("search", "--index", index, "rationale:benzodiazepines AND summary:\"lumbar fusion\"");
    assertEquals(0, both.exit(), both.err());
    assertEquals("""
        1 decision matches rationale:benzodiazepines AND summary:"lumbar fusion" (showing 1-1)

          1. upheld      30 Tablets of Valium 10mg
             letter afa96d8afb37 | no date | imr show --index INDEX afa96d8afb37
             pharmaceutical | diazepam (benzodiazepine) | Anesthesiology | FL
             rationale: The California MTUS guidelines do not recommend the use of
             **benzodiazepines** for extended durations of treatment due to the risk of
             physical and psychological dependence. … As such, the prospective request
             for 30 tablets of **Valium** 10 mg is not medically necessary or appropriate.
             summary: The patient developed chronic low back pain and ultimately
             underwent a **lumbar fusion**.
        """, both.out().replace(index, "INDEX"));
    // samples/cover-01-partial-overturn.txt: the whole letter says "urine drug screen" (UDS) in the Norco rationale
    Fixtures.Run text = Fixtures.imr("search", "--index", index, "text:UDS", "--filter", "case_number=CM14-0041187",
        "--filter", "service_category=diagnostic_imaging");
    assertEquals(0, text.exit(), text.err());
    assertEquals("""
        1 decision matches text:UDS (showing 1-1)

          1. upheld      Repeat MRI of the right shoulder
             CM14-0041187 | decided 2014-04-02 | imr show --index INDEX CM14-0041187
             diagnostic_imaging | Orthopaedic Surgery | CA NV
             text: The records document the 4 A's of ongoing opioid management: pain
             decreased from 8/10 to 4/10, the injured worker returned to modified duty,
             no adverse effects are reported and a **urine drug screen** was consistent.
        """, text.out().replace(index, "INDEX"));
  }

  @Test
  void hitsNameTheirLetterItsDateAndTheShowCommandThatPrintsIt() throws IOException {
    // samples/cover-01-partial-overturn.txt: "Date of IMR Decision: 04/02/2014"; samples/y2013-02-two-drugs-mixed.txt
    // (notice layout) states no decision date, only "Dated: 11/18/2013"; the seeds state no date at all
    Fixtures.Run dated = Fixtures.imr("search", "--index", index, "item:Norco", "--sort", "date", "--limit", "2");
    assertEquals(0, dated.exit(), dated.err());
    assertEquals("""
        4 decisions match item:Norco (showing 1-2)

          1. overturned  Norco 10/325mg #60
             CM14-0041187 | decided 2014-04-02 | imr show --index INDEX CM14-0041187
             pharmaceutical | hydrocodone/acetaminophen (opioid) | Orthopaedic Surgery |
             CA NV
             item: **Norco** 10/325mg #60

          2. upheld      Norco 10/325mg #120
             CM13-0047203 | letter dated 2013-11-18 | imr show --index INDEX CM13-0047203
             pharmaceutical | hydrocodone/acetaminophen (opioid) | Anesthesiology | CA
             AZ
             item: **Norco** 10/325mg #120
        """, dated.out().replace(index, "INDEX"));
    // a letter hit begins with the same line; a letter without a case number is named by its id
    Fixtures.Run letter = Fixtures.imr("search", "--index", index, "summary:\"lumbar fusion\"", "--level", "letter");
    assertEquals(0, letter.exit(), letter.err());
    assertEquals("""
        1 letter matches summary:"lumbar fusion" (showing 1-1)

          1. letter afa96d8afb37 | no date | imr show --index INDEX afa96d8afb37
             U 30 Tablets of Valium 10mg; U 90 Tablets of Percocet 7.5mg-500mg
             summary: The patient developed chronic low back pain and ultimately
             underwent a **lumbar fusion**.
        """, letter.out().replace(index, "INDEX"));
    // the hint is a command that works: it prints the hit's letter
    Fixtures.Run show = Fixtures.imr("show", "--index", index, "afa96d8afb37");
    assertEquals(0, show.exit(), show.err());
    assertTrue(show.out().startsWith("letter afa96d8afb37"), show.out());
    Fixtures.Run byCase = Fixtures.imr("show", "--index", index, "CM13-0047203");
    assertEquals(0, byCase.exit(), byCase.err());
    assertTrue(byCase.out().startsWith("CM13-0047203   (notice layout)\n  letter 2013-11-18"), byCase.out());
    // without --index the hint is the bare command (the default index); a path with spaces is quoted
    assertEquals("imr show", SearchCommand.showCommand(null));
    assertEquals("imr show --index '/tmp/my index'", SearchCommand.showCommand(Path.of("/tmp/my index")));
  }

  @Test
  void conceptQueriesFindClassesGenericsAndDosagesAsWritten() throws IOException {
    // no item names the class: the medical analysis knows Xanax, Valium and Restoril are benzodiazepines
    List<String> benzodiazepines = List.of("30 Tablets of Valium 10mg", "Restoril 15 mg Qty 30 with 2 refills",
        "Valium 10mg #120", "Xanax 0.5mg #30");
    assertEquals(benzodiazepines, items(search("item:benzodiazepine")));
    assertTrue(items(search("benzodiazepine")).containsAll(benzodiazepines));
    assertEquals(List.of("Norco 10/325mg #120", "Norco 10/325mg #60", "Norco 10/325mg#120", "Norco 5/325 mg Qty 90"),
        items(search("item:hydrocodone")));
    assertEquals(List.of("90 Tablets of Percocet 7.5mg-500mg", "Fentanyl Patches 100mcg #15", "Norco 10/325mg #120", "Norco 10/325mg #60",
        "Norco 10/325mg#120", "Norco 5/325 mg Qty 90", "Percocet 10/325mg #180", "Ultram ER 150mg #30"), items(search("item:opioid")));
    // a dosage is a phrase of its parts: "10/325mg" and "10/325mg#120" alike, not 5/325
    assertEquals(List.of("Norco 10/325mg #120", "Norco 10/325mg #60", "Norco 10/325mg#120", "Percocet 10/325mg #180"),
        items(search("item:10/325mg")));
    assertEquals(List.of("90 Tablets of Percocet 7.5mg-500mg"), items(search("item:\"7.5mg-500mg\"")));
  }

  @Test
  void exactModeMatchesTheWordsAsWritten() throws IOException {
    assertEquals(List.of("Celebrex 200mg #30", "Fexmid 7.5mg #60", "Flurbiprofen 20%/Lidocaine 5% cream 180gm", "Fluriflex cream 180gm",
        "Ibuprofen 800 mg Qty 90", "Naproxen 550mg #60", "Omeprazole 20mg #60"), items(search("rationale:NSAIDs")));
    assertEquals(List.of("Fexmid 7.5mg #60", "Ibuprofen 800 mg Qty 90", "Naproxen 550mg #60"), items(search("--exact", "rationale:NSAIDs")));
    assertEquals(List.of(), items(search("--exact", "item:benzodiazepine")));
    Fixtures.Run text = Fixtures.imr("search", "--index", index, "--exact", "text:opioid");
    assertEquals(2, text.exit());
    assertEquals("imr: query syntax error: the whole-letter field text: has no exact form; in exact mode search item:, rationale:,"
        + " guideline: or summary:\n", text.err());
  }

  @Test
  void sortsByDateNewestOrOldestWithUndatedLast() throws IOException {
    JsonNode newest = sorted("date", "4");
    assertEquals(47, newest.get("total").asInt());
    List<String> cases = new ArrayList<>();
    newest.get("hits").forEach(h -> cases.add(h.get("case_number").asText()));
    // the HTML sample (decided 2019-01-29) has three decisions; next is CM15-0203311 (2015-11-02):
    // CM18-0077001 states no date at all, so it is undated and sorts last
    assertEquals(List.of("CM19-0100200", "CM19-0100200", "CM19-0100200", "CM15-0203311"), cases);
    // the oldest is the first 2013-layout sample, dated 2013-10-04
    JsonNode oldest = sorted("oldest", "1");
    assertEquals("CM13-0031572", oldest.get("hits").get(0).get("case_number").asText());
    JsonNode all = sorted("oldest", "47");
    assertEquals("null", all.get("hits").get(46).get("case_number").toString(), "undated letters come last");
  }

  private static JsonNode sorted(String order, String limit) throws IOException {
    Fixtures.Run run = Fixtures.imr("search", "--index", index, "--format", "json", "--sort", order, "--limit", limit);
    assertEquals(0, run.exit(), run.err());
    return JSON.readTree(run.out());
  }

  @Test
  void userErrorsAreOneLine() {
    Fixtures.Run syntax = Fixtures.imr("search", "--index", index, "rationale:\"long-term");
    assertEquals(2, syntax.exit());
    assertEquals("imr: query syntax error at column 21 (an unclosed quote or a trailing backslash?): rationale:\"long-term\n", syntax.err());
    Fixtures.Run dim = Fixtures.imr("search", "--index", index, "x", "--facet", "drugz");
    assertEquals(2, dim.exit());
    assertTrue(dim.err().startsWith("imr: unknown dimension 'drugz'; dimensions are: outcome, "), dim.err());
    Fixtures.Run none = Fixtures.imr("search", "--index", tmp.resolve("none").toString(), "x");
    assertEquals(3, none.exit());
    assertTrue(none.err().startsWith("imr: no index at "), none.err());
  }
}
