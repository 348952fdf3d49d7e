package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.imrindex.model.LetterJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** imr report and imr export on the corpus-samples index, with exact values. */
class ReportAndExportTest {

  private static final ObjectMapper JSON = LetterJson.mapper();

  @TempDir
  static Path tmp;

  static String index;

  @BeforeAll
  static void indexTheCorpus() throws IOException {
    index = Fixtures.corpusIndex();
  }

  private static Fixtures.Run imr(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = args[0];
    all[1] = "--index";
    all[2] = index;
    System.arraycopy(args, 1, all, 3, args.length - 1);
    return Fixtures.imr(all);
  }

  @Test
  void oneDecisionIsOneDecisionInTheHeader() {
    // seed 002 is the only letter whose rationale says "not recommended for long-term use", in one upheld decision
    Fixtures.Run run = Fixtures.imr("report", "--index", index, "--by", "outcome", "--exact", "--query", "rationale:\"not recommended for long-term use\"");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().startsWith("uphold rate by outcome: 1 decision, 1 upheld, 100.0% "), run.out());
    Fixtures.Run letters = Fixtures.imr("report", "--index", index, "--by", "outcome", "--level", "letter", "--exact", "--query",
        "rationale:\"not recommended for long-term use\"");
    assertEquals(0, letters.exit(), letters.err());
    assertTrue(letters.out().startsWith("uphold rate by outcome: 1 letter, "), letters.out());
  }

  @Test
  void reportByDrugClassHasTheExactRows() {
    Fixtures.Run run = imr("report", "--by", "drug_class", "--format", "json");
    assertEquals(0, run.exit(), run.err());
    assertEquals("{\"level\":\"decision\",\"by\":[\"drug_class\"],\"query\":null,\"filters\":{},"
        + "\"total\":{\"decisions\":47,\"upheld\":32,\"overturned\":15,\"uphold_rate\":0.6809,\"ci95_low\":0.5383,\"ci95_high\":0.796},\"rows\":["
        + "{\"drug_class\":\"opioid\",\"decisions\":8,\"upheld\":6,\"overturned\":2,\"uphold_rate\":0.75,\"ci95_low\":0.4093,\"ci95_high\":0.9285,\"share\":0.1702},"
        + "{\"drug_class\":\"muscle_relaxant\",\"decisions\":5,\"upheld\":5,\"overturned\":0,\"uphold_rate\":1.0,\"ci95_low\":0.5655,\"ci95_high\":1.0,\"share\":0.1064},"
        + "{\"drug_class\":\"benzodiazepine\",\"decisions\":4,\"upheld\":4,\"overturned\":0,\"uphold_rate\":1.0,\"ci95_low\":0.5101,\"ci95_high\":1.0,\"share\":0.0851},"
        + "{\"drug_class\":\"nsaid\",\"decisions\":3,\"upheld\":0,\"overturned\":3,\"uphold_rate\":0.0,\"ci95_low\":0.0,\"ci95_high\":0.5615,\"share\":0.0638},"
        + "{\"drug_class\":\"compound\",\"decisions\":2,\"upheld\":2,\"overturned\":0,\"uphold_rate\":1.0,\"ci95_low\":0.3424,\"ci95_high\":1.0,\"share\":0.0426},"
        + "{\"drug_class\":\"topical\",\"decisions\":2,\"upheld\":2,\"overturned\":0,\"uphold_rate\":1.0,\"ci95_low\":0.3424,\"ci95_high\":1.0,\"share\":0.0426},"
        + "{\"drug_class\":\"anticonvulsant\",\"decisions\":1,\"upheld\":0,\"overturned\":1,\"uphold_rate\":0.0,\"ci95_low\":0.0,\"ci95_high\":0.7935,\"share\":0.0213},"
        + "{\"drug_class\":\"antidepressant\",\"decisions\":1,\"upheld\":0,\"overturned\":1,\"uphold_rate\":0.0,\"ci95_low\":0.0,\"ci95_high\":0.7935,\"share\":0.0213},"
        + "{\"drug_class\":\"medical_food\",\"decisions\":1,\"upheld\":1,\"overturned\":0,\"uphold_rate\":1.0,\"ci95_low\":0.2065,\"ci95_high\":1.0,\"share\":0.0213},"
        + "{\"drug_class\":\"ppi\",\"decisions\":1,\"upheld\":0,\"overturned\":1,\"uphold_rate\":0.0,\"ci95_low\":0.0,\"ci95_high\":0.7935,\"share\":0.0213},"
        + "{\"drug_class\":\"sleep_aid\",\"decisions\":1,\"upheld\":1,\"overturned\":0,\"uphold_rate\":1.0,\"ci95_low\":0.2065,\"ci95_high\":1.0,\"share\":0.0213},"
        // the 18 decisions of the expected records without a drug class (11 upheld): the rows add up to the total
        + "{\"drug_class\":null,\"decisions\":18,\"upheld\":11,\"overturned\":7,\"uphold_rate\":0.6111,\"ci95_low\":0.3862,\"ci95_high\":0.7969,\"share\":0.383}"
        + "],\"hidden\":0}\n", run.out());
  }

  @Test
  void decisionsByMonthAndQuarterInTimeOrderWithTheUndatedLast() throws IOException {
    // from the expected records' decision dates (else letter dates): 16 dated decisions in 5 letters' months, 31 undated
    Map<String, Integer> months = new java.util.LinkedHashMap<>();
    JSON.readTree(imr("report", "--by", "decision_month", "--sort", "name", "--format", "json").out()).get("rows")
        .forEach(r -> months.put(r.get("decision_month").isNull() ? "(none)" : r.get("decision_month").asText(), r.get("decisions").asInt()));
    assertEquals("{2013-10=1, 2013-11=2, 2013-12=5, 2014-04=3, 2015-11=2, 2019-01=3, (none)=31}", months.toString());
    Map<String, Integer> quarters = new java.util.LinkedHashMap<>();
    JSON.readTree(imr("report", "--by", "decision_quarter", "--sort", "name", "--format", "json").out()).get("rows")
        .forEach(r -> quarters.put(r.get("decision_quarter").isNull() ? "(none)" : r.get("decision_quarter").asText(), r.get("decisions").asInt()));
    assertEquals("{2013-Q4=8, 2014-Q2=3, 2015-Q4=2, 2019-Q1=3, (none)=31}", quarters.toString());
    Fixtures.Run filtered = imr("report", "--by", "outcome", "--filter", "decision_quarter=2013-Q4", "--format", "json");
    assertEquals(8, JSON.readTree(filtered.out()).get("total").get("decisions").asInt(), filtered.err());
  }

  @Test
  void aTextReportByTheOutcomeIsATableOfCounts() {
    // counted in the expected records: the classes' upheld and overturned items (see minNHidesSmallGroupsAndSaysHowMany),
    // and the 18 items without a class, 11 upheld; the outcome given first is still put across
    String expected = """
        uphold rate by drug_class x outcome: 47 decisions, 32 upheld, 68.1% [95% CI 53.8-79.6]
        drug_class       upheld  overturned  decisions
        opioid                6           2          8
        muscle_relaxant       5           -          5
        benzodiazepine        4           -          4
        nsaid                 -           3          3
        compound              2           -          2
        topical               2           -          2
        anticonvulsant        -           1          1
        antidepressant        -           1          1
        medical_food          1           -          1
        ppi                   -           1          1
        sleep_aid             1           -          1
        (none)               11           7         18
        """;
    Fixtures.Run run = imr("report", "--by", "drug_class", "--by", "outcome");
    assertEquals(0, run.exit(), run.err());
    assertEquals(expected, run.out());
    Fixtures.Run swapped = imr("report", "--by", "outcome", "--by", "drug_class");
    assertEquals(expected, swapped.out());
  }

  @Test
  void pivotPutsTheSecondDimensionAcrossInTextAndCsv() throws IOException {
    // layouts and outcomes of the expected records: standard 18/3, cover 4/5, notice 4/3, documents-reviewed 3/3,
    // professional-review 3/1
    Fixtures.Run csv = imr("report", "--by", "layout", "--by", "outcome", "--pivot", "--format", "csv");
    assertEquals(0, csv.exit(), csv.err());
    assertEquals("""
        layout,upheld,overturned,decisions\r
        standard,18,3,21\r
        cover,4,5,9\r
        notice,4,3,7\r
        documents-reviewed,3,3,6\r
        professional-review,3,1,4\r
        """, csv.out());
    Fixtures.Run text = imr("report", "--by", "layout", "--by", "decision_quarter", "--pivot");
    assertEquals(0, text.exit(), text.err());
    List<String> lines = text.out().lines().toList();
    // quarters across in time order, the undated last
    assertEquals(List.of("layout \\ decision_quarter", "2013-Q4", "2014-Q2", "2015-Q4", "2019-Q1", "(none)"),
        List.of(lines.get(1).strip().split(" {2,}")), text.out());
    assertEquals("(each cell: decisions and uphold rate; - none)", lines.get(lines.size() - 1));
    Fixtures.Run json = imr("report", "--by", "layout", "--by", "outcome", "--pivot", "--format", "json");
    assertEquals(2, json.exit());
    assertEquals("imr: --pivot prints text or csv; JSON rows are one per combination of values\n", json.err());
    Fixtures.Run one = imr("report", "--by", "layout", "--pivot");
    assertEquals(2, one.exit());
    assertEquals("imr: --pivot takes two or three --by dimensions, got 1\n", one.err());
  }

  @Test
  void reportByTwoDimensionsCarriesBothKeysPerRow() throws IOException {
    Fixtures.Run run = imr("report", "--by", "drug_class", "--by", "outcome", "--format", "json", "--sort", "name");
    assertEquals(0, run.exit(), run.err());
    JsonNode rows = JSON.readTree(run.out()).get("rows");
    assertEquals(14, rows.size()); // 12 pairs with a class, and (none) x upheld, (none) x overturned last
    assertEquals("{\"drug_class\":\"opioid\",\"outcome\":\"overturned\",\"decisions\":2,\"upheld\":0,\"overturned\":2,"
        + "\"uphold_rate\":0.0,\"ci95_low\":0.0,\"ci95_high\":0.6576,\"share\":0.0426}", rows.get(7).toString());
    assertEquals("{\"drug_class\":\"opioid\",\"outcome\":\"upheld\",\"decisions\":6,\"upheld\":6,\"overturned\":0,"
        + "\"uphold_rate\":1.0,\"ci95_low\":0.6097,\"ci95_high\":1.0,\"share\":0.1277}", rows.get(8).toString());
  }

  @Test
  void filtersQueriesAndLetterLevelCountExactly() throws IOException {
    JsonNode opioids = JSON.readTree(imr("report", "--by", "outcome", "--filter", "drug_class=opioid", "--format", "json").out());
    assertEquals("{\"decisions\":8,\"upheld\":6,\"overturned\":2,\"uphold_rate\":0.75,\"ci95_low\":0.4093,\"ci95_high\":0.9285}", opioids.get("total").toString());
    assertEquals("{\"drug_class\":[\"opioid\"]}", opioids.get("filters").toString());

    JsonNode twoClasses = JSON.readTree(imr("report", "--by", "drug_class", "--filter", "drug_class=opioid",
        "--filter", "drug_class=nsaid", "--filter", "layout=standard", "--format", "json").out());
    // standard-layout opioids: Percocet, Norco (001), Norco (003), fentanyl, Percocet (004); NSAID: ibuprofen (001)
    assertEquals(6, twoClasses.get("total").get("decisions").asInt());

    JsonNode phrase = JSON.readTree(imr("report", "--by", "outcome", "--query", "rationale:\"long-term use\"", "--format", "json").out());
    assertEquals(5, phrase.get("total").get("decisions").asInt());

    JsonNode letterText = JSON.readTree(imr("report", "--by", "layout", "--query", "summary:\"lumbar fusion\"", "--format", "json").out());
    assertEquals("{\"decisions\":2,\"upheld\":2,\"overturned\":0,\"uphold_rate\":1.0,\"ci95_low\":0.3424,\"ci95_high\":1.0}", letterText.get("total").toString());

    JsonNode injuredBefore2010 = JSON.readTree(imr("report", "--by", "injury_year", "--filter", "injury_year=1980..2009",
        "--sort", "name", "--format", "json").out());
    assertEquals(java.util.List.of("1989", "2003", "2005", "2009"), injuredBefore2010.get("rows").findValuesAsText("injury_year"));

    Fixtures.Run letters = imr("report", "--by", "layout", "--level", "letter", "--format", "csv");
    assertEquals("layout,letters,upheld,overturned,uphold_rate,ci95_low,ci95_high,share\r\n"
        + "standard,7,4,3,0.5714,0.2505,0.8418,0.35\r\n"
        + "cover,4,1,3,0.25,0.0456,0.6994,0.2\r\n"
        + "documents-reviewed,3,0,3,0.0,0.0,0.5615,0.15\r\n"
        + "notice,3,0,3,0.0,0.0,0.5615,0.15\r\n"
        + "professional-review,3,2,1,0.6667,0.2077,0.9385,0.15\r\n", letters.out());
  }

  @Test
  void parseWarningsNoneKeepsExactlyTheLettersReadWhole() throws IOException {
    Path letters = Fixtures.seedsAndALetterWithWarning(tmp.resolve("warned"));
    String warned = tmp.resolve("warned-index").toString();
    assertEquals(0, Fixtures.imr("index", "--index", warned, "--quiet", letters.toString()).exit());
    java.util.List<String> seeds = new java.util.ArrayList<>();
    try (java.util.stream.Stream<Path> s = Files.list(Fixtures.corpus().resolve("letters/seeds"))) {
      s.forEach(p -> seeds.add(letters.resolve(p.getFileName()).toString()));
    }

    // export: every row of a clean letter and none of the other; the stored records keep their warnings
    Fixtures.Run clean = Fixtures.imr("export", "--index", warned, "--filter", "parse_warnings=none", "--format", "jsonl");
    assertEquals(0, clean.exit(), clean.err());
    java.util.List<JsonNode> cleanRows = new java.util.ArrayList<>();
    for (String line : clean.out().lines().toList()) {
      cleanRows.add(JSON.readTree(line));
    }
    assertEquals(12, cleanRows.size());
    assertEquals(seeds.stream().sorted().toList(), cleanRows.stream().map(r -> r.get("source_path").asText()).distinct().sorted().toList());
    assertTrue(cleanRows.stream().allMatch(r -> r.get("warnings").isEmpty()), clean.out());
    Fixtures.Run some = Fixtures.imr("export", "--index", warned, "--filter", "parse_warnings=some", "--format", "csv");
    assertEquals(0, some.exit(), some.err());
    java.util.List<CSVRecord> rows;
    try (CSVParser p = CSVParser.parse(new StringReader(some.out()), CSVFormat.RFC4180.builder().setHeader().get())) {
      rows = p.getRecords();
    }
    assertEquals(2, rows.size());
    assertEquals(java.util.List.of("Tramadol 50mg #90", ""), rows.stream().map(r -> r.get("item")).toList());
    assertEquals(java.util.List.of("upheld", "overturned"), rows.stream().map(r -> r.get("outcome")).toList());
    for (CSVRecord r : rows) {
      assertEquals(letters.resolve("heading-lost.txt").toString(), r.get("source_path"));
      assertEquals("decision 2: item heading not found before 'Overturned'", r.get("warnings"));
    }

    // search: the clean letters alone, and the other with its warning
    JsonNode cleanLetters = JSON.readTree(Fixtures.imr("search", "--index", warned, "--level", "letter",
        "--filter", "parse_warnings=none", "--limit", "100", "--format", "json").out());
    assertEquals(5, cleanLetters.get("total").asInt());
    assertEquals(cleanRows.stream().map(r -> r.get("letter_id").asText()).distinct().sorted().toList(),
        cleanLetters.get("hits").findValuesAsText("letter_id").stream().sorted().toList());
    cleanLetters.get("hits").forEach(h -> assertEquals("[]", h.get("warnings").toString()));
    Fixtures.Run listed = Fixtures.imr("search", "--index", warned, "--level", "letter", "--filter", "parse_warnings=some");
    assertEquals(0, listed.exit(), listed.err());
    assertEquals("""
        1 letter matches (showing 1-1)

          1. letter %1$s | no date | imr show --index %2$s %1$s
             U Tramadol 50mg #90; O\s
             warning: decision 2: item heading not found before 'Overturned'
        """.formatted(rows.get(0).get("letter_id").substring(0, 12), warned), listed.out());

    // report: by the dimension, and with the letters read whole alone
    Fixtures.Run byWarnings = Fixtures.imr("report", "--index", warned, "--by", "parse_warnings", "--format", "json");
    assertEquals(0, byWarnings.exit(), byWarnings.err());
    assertEquals("{\"level\":\"decision\",\"by\":[\"parse_warnings\"],\"query\":null,\"filters\":{},"
        + "\"total\":{\"decisions\":14,\"upheld\":12,\"overturned\":2,\"uphold_rate\":0.8571,\"ci95_low\":0.6006,\"ci95_high\":0.9599},\"rows\":["
        + "{\"parse_warnings\":\"none\",\"decisions\":12,\"upheld\":11,\"overturned\":1,\"uphold_rate\":0.9167,\"ci95_low\":0.6461,\"ci95_high\":0.9851,"
        + "\"share\":0.8571},"
        + "{\"parse_warnings\":\"some\",\"decisions\":2,\"upheld\":1,\"overturned\":1,\"uphold_rate\":0.5,\"ci95_low\":0.0945,\"ci95_high\":0.9055,"
        + "\"share\":0.1429}"
        + "],\"hidden\":0}\n", byWarnings.out());
    JsonNode withoutThem = JSON.readTree(Fixtures.imr("report", "--index", warned, "--by", "outcome",
        "--filter", "parse_warnings=none", "--format", "json").out());
    assertEquals("{\"decisions\":12,\"upheld\":11,\"overturned\":1,\"uphold_rate\":0.9167,\"ci95_low\":0.6461,\"ci95_high\":0.9851}",
        withoutThem.get("total").toString());
  }

  @Test
  void parseWarningsTakesBothItsValuesAlsoWhereNoLetterHasWarnings() {
    // a script that lists the letters with warnings must not fail on an index that has none
    Fixtures.Run none = imr("search", "--filter", "parse_warnings=some");
    assertEquals(0, none.exit(), none.err());
    assertEquals("0 decisions match (showing 0-0)\n", none.out());
    Fixtures.Run all = imr("report", "--by", "outcome", "--filter", "parse_warnings=none");
    assertEquals(0, all.exit(), all.err());
    assertTrue(all.out().startsWith("uphold rate by outcome: 47 decisions, 32 upheld, "), all.out());
    Fixtures.Run typo = imr("report", "--by", "outcome", "--filter", "parse_warnings=no");
    assertEquals(2, typo.exit());
    assertEquals("imr: no decision has parse_warnings=no; values are: none, some\n", typo.err());
  }

  @Test
  void reportByGuidelineDocumentAndTopicCountsEachCitedDocumentAndSection() throws IOException {
    // counted from the guidelineCitations of the 20 expected records (written by hand from the citations):
    // 36 decisions cite the MTUS Chronic Pain guidelines (23 upheld), 4 an ODG Pain chapter (all upheld), 2 the
    // MTUS Low Back chapter (ACOEM chapter 12); 7 documents are cited once. Wilson intervals from those counts.
    Fixtures.Run documents = imr("report", "--by", "guideline_document", "--min-n", "2");
    assertEquals(0, documents.exit(), documents.err());
    assertEquals("""
        uphold rate by guideline_document: 47 decisions, 32 upheld, 68.1% [95% CI 53.8-79.6]
        (guideline_document is multi-valued: a decision counts under each of its values,
        so the rows add up to more than the total)
        guideline_document  decisions  upheld    rate  95% CI        share  uphold rate
        MTUS Chronic Pain          36      23   63.9%  [47.6- 77.5]  76.6%  ########....
        ODG Pain (Chronic)          4       4  100.0%  [51.0-100.0]   8.5%  ############
        MTUS Low Back               2       2  100.0%  [34.2-100.0]   4.3%  ############
        (7 groups with fewer than 2 decisions hidden; --min-n 1 shows them)
        """, documents.out());

    // every topic with its decisions and upheld decisions, one value however the letters spell it ("Topical
    // Analgesics" and "Topical analgesics", "Muscle relaxants" and "Muscle relaxants (for pain)" are one topic)
    Fixtures.Run topics = imr("report", "--by", "guideline_topic", "--format", "csv");
    assertEquals(0, topics.exit(), topics.err());
    Map<String, String> counts = new TreeMap<>();
    try (CSVParser csv = CSVParser.parse(new StringReader(topics.out()), CSVFormat.RFC4180.builder().setHeader().get())) {
      for (CSVRecord r : csv) {
        counts.put(r.get("guideline_topic"), r.get("decisions") + "/" + r.get("upheld"));
      }
    }
    Map<String, String> expected = new TreeMap<>();
    String cp = "MTUS Chronic Pain: ";
    expected.put(cp + "Benzodiazepines", "4/4");
    expected.put(cp + "Topical analgesics", "3/3");
    for (String t : List.of("Carisoprodol (Soma)", "Drug testing", "Opioids, On-Going Management")) {
      expected.put(cp + t, "2/2");
    }
    for (String t : List.of("Functional restoration programs", "NSAIDs, GI symptoms & cardiovascular risk")) {
      expected.put(cp + t, "2/0");
    }
    for (String t : List.of("Behavioral interventions", "Cyclobenzaprine (Flexeril)", "Fentanyl", "Home health services",
        "Muscle relaxants (for pain)", "Opioids", "Opioids, initiating therapy", "Opioids, steps to avoid misuse/addiction",
        "Topical analgesics, Lidocaine")) {
      expected.put(cp + t, "1/1");
    }
    for (String t : List.of("Anti-epilepsy drugs (AEDs)", "Anti-inflammatory medications", "Duloxetine (Cymbalta)",
        "Epidural steroid injections (ESIs)", "NSAIDs", "Opioids, criteria for use", "Physical medicine treatment",
        "TENS, chronic pain", "Tramadol (Ultram)")) {
      expected.put(cp + t, "1/0");
    }
    expected.put("MTUS General Approaches: Independent Medical Examinations and Consultations", "1/0");
    expected.put("MTUS Postsurgical: Shoulder", "1/0");
    expected.put("ODG Mental Illness & Stress: Cognitive therapy for depression", "1/1");
    for (String t : List.of("Medical food", "Urine drug testing (UDT)", "Zolpidem (Ambien)")) {
      expected.put("ODG Pain (Chronic): " + t, "1/1");
    }
    // the 8 decisions of the expected records whose citations name no section (all upheld): the (none) row, empty in CSV
    expected.put("", "8/8");
    assertEquals(expected, counts);
    // a filter on a topic, and the export's columns of the same values
    JsonNode benzo = JSON.readTree(imr("report", "--by", "outcome", "--filter", "guideline_topic=" + cp + "Benzodiazepines",
        "--format", "json").out());
    assertEquals(4, benzo.get("total").get("decisions").asInt());
    Fixtures.Run export = imr("export", "--filter", "guideline_document=ODG Pain (Chronic)", "--format", "jsonl");
    assertEquals(0, export.exit(), export.err());
    List<String> odgTopics = new java.util.ArrayList<>();
    for (String line : export.out().lines().toList()) {
      JsonNode row = JSON.readTree(line);
      assertTrue(row.get("guideline_documents").toString().contains("\"ODG Pain (Chronic)\""), line);
      row.get("guideline_topics").forEach(t -> odgTopics.add(t.asText()));
    }
    assertEquals(4, export.out().lines().count());
    assertTrue(odgTopics.containsAll(List.of("ODG Pain (Chronic): Medical food", "ODG Pain (Chronic): Zolpidem (Ambien)")), odgTopics::toString);
  }

  @Test
  void minNHidesSmallGroupsAndSaysHowMany() {
    Fixtures.Run run = imr("report", "--by", "drug_class", "--min-n", "3");
    assertEquals(0, run.exit());
    // counted in the letters: 8 opioid items (Percocet x2, Norco x4, fentanyl, Ultram; cover-01's Norco and
    // cover-03's Ultram overturned), 5 muscle relaxants and 4 benzodiazepines, all upheld, 3 NSAIDs, all
    // overturned (ibuprofen, celecoxib, y2013-02's naproxen); the other 7 classes have 1 or 2 items each.
    // Wilson intervals computed from those counts.
    assertEquals("""
        uphold rate by drug_class: 47 decisions, 32 upheld, 68.1% [95% CI 53.8-79.6]
        drug_class       decisions  upheld    rate  95% CI        share  uphold rate
        opioid                   8       6   75.0%  [40.9- 92.9]  17.0%  ###########....
        muscle_relaxant          5       5  100.0%  [56.6-100.0]  10.6%  ###############
        benzodiazepine           4       4  100.0%  [51.0-100.0]   8.5%  ###############
        nsaid                    3       0    0.0%  [ 0.0- 56.1]   6.4%  ...............
        (none)                  18      11   61.1%  [38.6- 79.7]  38.3%  #########......
        (7 groups with fewer than 3 decisions hidden; --min-n 1 shows them)
        """, run.out());
  }

  @Test
  void userErrorsAreOneLineWithTheValidChoices() {
    Fixtures.Run dim = imr("report", "--by", "drug_clas");
    assertEquals(2, dim.exit());
    assertEquals("imr: unknown dimension 'drug_clas'; dimensions are: outcome, drug, drug_class, service_category, specialty, "
        + "licensure_state, mtus_page, guideline_source, guideline_document, guideline_topic, injury_year, decision_year, decision_month, decision_quarter, layout, parse_warnings, ur_modification, reason, template_band\n", dim.err());
    Fixtures.Run value = imr("report", "--by", "layout", "--filter", "drug_class=opiod");
    assertEquals(2, value.exit());
    assertEquals("imr: no decision has drug_class=opiod; values are: anticonvulsant, antidepressant, benzodiazepine, compound,"
        + " medical_food, muscle_relaxant, nsaid, opioid, ppi, sleep_aid, topical\n", value.err());
    Fixtures.Run syntax = imr("report", "--by", "layout", "--query", "rationale:\"long-term");
    assertEquals(2, syntax.exit());
    assertEquals("imr: query syntax error at column 21 (an unclosed quote or a trailing backslash?): rationale:\"long-term\n", syntax.err());
    Fixtures.Run noIndex = Fixtures.imr("report", "--index", tmp.resolve("nothing").toString(), "--by", "layout");
    assertEquals(3, noIndex.exit());
    assertTrue(noIndex.err().startsWith("imr: no index at "), noIndex.err());
  }

  @Test
  void anExportedCsvReloadsToTheReportsCounts() throws IOException {
    Path out = tmp.resolve("all.csv");
    Fixtures.Run run = imr("export", "--format", "csv", "--out", out.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals("imr: 47 decisions written to " + out + "\n", run.err());
    Map<String, Integer> fromCsv = new TreeMap<>();
    int rows = 0;
    try (CSVParser csv = CSVParser.parse(new StringReader(Files.readString(out)), CSVFormat.RFC4180.builder().setHeader().get())) {
      for (CSVRecord r : csv) {
        rows++;
        // a decision without a class is the report's (none) row (null in its JSON)
        fromCsv.merge((r.get("drug_class").isEmpty() ? "null" : r.get("drug_class")) + "/" + r.get("outcome"), 1, Integer::sum);
      }
    }
    assertEquals(47, rows);
    Map<String, Integer> fromReport = new TreeMap<>();
    JSON.readTree(imr("report", "--by", "drug_class", "--by", "outcome", "--format", "json").out()).get("rows")
        .forEach(r -> fromReport.put(r.get("drug_class").asText() + "/" + r.get("outcome").asText(), r.get("decisions").asInt()));
    assertEquals(fromReport, fromCsv);
  }

  @Test
  void exportColumnsChoosesAndOrdersTheColumns() {
    // the professional-review letters of the expected records: CM18-0077001 (overturned) and three decisions of
    // letters that state no case number, all upheld
    Fixtures.Run run = imr("export", "--format", "csv", "--columns", "CASE_NUMBER,outcome", "--filter", "layout=professional-review");
    assertEquals(0, run.exit(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals("case_number,outcome", lines.get(0));
    assertEquals(List.of(",upheld", ",upheld", ",upheld", "CM18-0077001,overturned"), lines.subList(1, lines.size()).stream().sorted().toList());
    Fixtures.Run jsonl = imr("export", "--format", "jsonl", "--columns", "outcome,case_number", "--filter", "layout=professional-review");
    assertEquals(0, jsonl.exit(), jsonl.err());
    assertEquals(List.of("{\"outcome\":\"overturned\",\"case_number\":\"CM18-0077001\"}", "{\"outcome\":\"upheld\",\"case_number\":null}",
        "{\"outcome\":\"upheld\",\"case_number\":null}", "{\"outcome\":\"upheld\",\"case_number\":null}"),
        jsonl.out().lines().sorted().toList());
    Fixtures.Run unknown = imr("export", "--format", "csv", "--columns", "case_numbr");
    assertEquals(2, unknown.exit());
    assertTrue(unknown.err().startsWith("imr: unknown column 'case_numbr'; columns are: letter_id, case_number, "), unknown.err());
    assertEquals(1, unknown.err().lines().count());
  }

  @Test
  void jsonlExportKeepsListsAsArrays() throws IOException {
    Fixtures.Run run = imr("export", "--format", "jsonl", "--query", "item:Norco", "--filter", "layout=standard");
    assertEquals(0, run.exit(), run.err());
    var lines = run.out().lines().toList();
    assertEquals(2, lines.size());
    JsonNode first = JSON.readTree(lines.get(0));
    assertEquals("hydrocodone/acetaminophen", first.get("drug_generic").asText());
    assertTrue(first.get("mtus_pages").isArray(), first.toString());
  }

  @Test
  void exportSaysWhereEachDecisionDateCameFrom() {
    // read from the letters: the three 2013 notices are "Dated:" and state no decision date; the four cover
    // letters state "Date of IMR Decision"; the other layouts state neither
    Fixtures.Run run = imr("export", "--format", "csv", "--columns", "case_number,layout,decision_date,letter_date,decision_date_source");
    assertEquals(0, run.exit(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals("case_number,layout,decision_date,letter_date,decision_date_source", lines.get(0));
    assertEquals(List.of(
        "CM13-0012345,cover,2013-12-18,2013-12-18,decision",
        "CM13-0031572,notice,2013-10-04,2013-10-04,letter",
        "CM13-0047203,notice,2013-11-18,2013-11-18,letter",
        "CM13-0058841,notice,2013-12-09,2013-12-09,letter",
        "CM14-0041187,cover,2014-04-02,2014-04-02,decision",
        "CM15-0203311,cover,2015-11-02,2015-11-02,decision",
        "CM19-0100200,cover,2019-01-29,2019-01-29,decision"),
        lines.subList(1, lines.size()).stream().filter(l -> !l.endsWith(",,,")).distinct().sorted().toList());
    assertTrue(lines.stream().skip(1).filter(l -> l.endsWith(",,,")).allMatch(l -> !l.contains(",cover,") && !l.contains(",notice,")),
        run.out());
  }

  @Test
  void aDateRangeFilterTakesMonthsAsWholePeriods() throws IOException {
    // dated in Oct-Dec 2013 (read from the letters): the notices CM13-0031572 (10/4/2013: the program overturned),
    // CM13-0047203 (11/18/2013: Norco upheld, naproxen overturned), CM13-0058841 (12/9/2013: MRI, cyclobenzaprine and
    // one more upheld, physical therapy overturned) and the cover letter CM13-0012345 (12/18/2013: upheld); the
    // intervals are Wilson's for 5/8, 0/1, 1/2 and 4/5, computed apart
    Fixtures.Run run = imr("report", "--by", "decision_month", "--filter", "decision_date=2013-10..2013-12", "--sort", "name");
    assertEquals(0, run.exit(), run.err());
    assertEquals("""
        uphold rate by decision_month: 8 decisions, 5 upheld, 62.5% [95% CI 30.6-86.3]
        decision_month  decisions  upheld   rate  95% CI        share  uphold rate
        2013-10                 1       0   0.0%  [ 0.0- 79.3]  12.5%  .................
        2013-11                 2       1  50.0%  [ 9.5- 90.5]  25.0%  #########........
        2013-12                 5       4  80.0%  [37.6- 96.4]  62.5%  ##############...
        """, run.out());
    // the JSON shows the range as the days it means; open ends stay open
    JsonNode json = JSON.readTree(imr("report", "--by", "layout", "--filter", "decision_date=2013-11..", "--filter",
        "decision_year=..2014", "--format", "json").out());
    assertEquals("{\"decision_date\":[\"2013-11-01..\"],\"decision_year\":[\"..2014\"]}", json.get("filters").toString());
    // CM13-0047203 (2), CM13-0058841 (4), CM13-0012345 (1), CM14-0041187 (3)
    assertEquals(10, json.get("total").get("decisions").asInt());
  }

  @Test
  void aYearRangeMayBeOpen() {
    // injured 2015 (CM17-0009876: one overturned, one upheld), 2016 (CM19-0100200: upheld, overturned, upheld;
    // CM18-0077001: overturned), 2017 (the CBT request: upheld)
    Fixtures.Run run = imr("report", "--by", "injury_year", "--filter", "injury_year=2015..", "--sort", "name", "--format", "csv");
    assertEquals(0, run.exit(), run.err());
    assertEquals("injury_year,decisions,upheld,overturned,uphold_rate,ci95_low,ci95_high,share\r\n"
        + "2015,2,1,1,0.5,0.0945,0.9055,0.2857\r\n"
        + "2016,4,2,2,0.5,0.15,0.85,0.5714\r\n"
        + "2017,1,1,0,1.0,0.2065,1.0,0.1429\r\n", run.out());
  }

  @Test
  void aBadRangeIsExitTwoWithOneLine() {
    Fixtures.Run reversed = imr("report", "--by", "layout", "--filter", "decision_date=2016-06-30..2016-01-01");
    assertEquals(2, reversed.exit());
    assertEquals("imr: empty range decision_date=2016-06-30..2016-01-01: 2016-06-30 is after 2016-01-01\n", reversed.err());
    assertEquals("", reversed.out());
    Fixtures.Run malformed = imr("search", "--filter", "decision_date=2016/07");
    assertEquals(2, malformed.exit());
    assertEquals("imr: decision_date takes a date, month or year (2016-07-04, 2016-07, 2016) or a range of them such as "
        + "2016-01-01..2016-06-30, 2016-07.. or ..2016-06-30; got '2016/07'\n", malformed.err());
    Fixtures.Run noSuchMonth = imr("export", "--format", "csv", "--filter", "decision_date=2016-13..");
    assertEquals(2, noSuchMonth.exit());
    assertTrue(noSuchMonth.err().startsWith("imr: '2016-13' is no date; decision_date takes "), noSuchMonth.err());
    assertEquals(1, noSuchMonth.err().lines().count());
    Fixtures.Run years = imr("report", "--by", "layout", "--filter", "injury_year=2016..2014");
    assertEquals(2, years.exit());
    assertEquals("imr: empty range injury_year=2016..2014: 2016 is after 2014\n", years.err());
  }

  @Test
  void theFilterHelpExplainsRanges() {
    Fixtures.Run help = Fixtures.imr("report", "--help");
    assertEquals(0, help.exit());
    String words = String.join(" ", help.out().split("\\s+"));
    assertTrue(words.contains("Ranges, either end open: injury_year, decision_year (2014..2016, 2015.., ..2014), age (40..60) and "
        + "decision_date, whose ends are days, months or years, each the whole period (2016-01-01..2016-06-30, 2016-07.., "
        + "..2016-06-30; 2016-07..2016-09 is Jul 1 to Sep 30)."), help.out());
  }

  /*
   * Three dimensions, on the letters dated 2013-2014 (read from their expected records): 2013, the cover letter
   * CM13-0012345 (a pharmaceutical item, upheld) and the notices CM13-0031572 (a program, overturned),
   * CM13-0047203 (Norco upheld, naproxen overturned) and CM13-0058841 (MRI upheld, physical therapy overturned,
   * cyclobenzaprine upheld, a diagnostic test upheld); 2014, the cover letter CM14-0041187 (physical medicine and
   * a drug overturned, imaging upheld). Intervals are Wilson's, computed apart (6/11: 28.0-78.7, 5/8: 30.6-86.3,
   * 1/3: 6.1-79.2).
   */

  @Test
  void pivotByThreeDimensionsPrintsOneCrossTablePerValueOfTheThird() {
    Fixtures.Run text = imr("report", "--by", "service_category", "--by", "layout", "--by", "decision_year", "--pivot",
        "--filter", "decision_year=2013..2014", "--sort", "name");
    assertEquals(0, text.exit(), text.err());
    assertEquals("""
        uphold rate by service_category x layout x decision_year: 11 decisions, 6 upheld, 54.5% [95% CI 28.0-78.7]

        decision_year = 2013: 8 decisions, 5 upheld, 62.5% [95% CI 30.6-86.3]
        service_category \\ layout     cover    notice
        diagnostic_imaging                -  1 100.0%
        diagnostic_test                   -  1 100.0%
        pharmaceutical             1 100.0%  3  66.7%
        physical_medicine                 -  1   0.0%
        program                           -  1   0.0%

        decision_year = 2014: 3 decisions, 1 upheld, 33.3% [95% CI 6.1-79.2]
        service_category \\ layout     cover  notice
        diagnostic_imaging         1 100.0%       -
        pharmaceutical             1   0.0%       -
        physical_medicine          1   0.0%       -
        (each cell: decisions and uphold rate; - none)
        """, text.out());
    // CSV: one table, the third dimension its first column
    Fixtures.Run csv = imr("report", "--by", "service_category", "--by", "layout", "--by", "decision_year", "--pivot",
        "--filter", "decision_year=2013..2014", "--sort", "name", "--format", "csv");
    assertEquals(0, csv.exit(), csv.err());
    assertEquals("""
        decision_year,service_category,cover decisions,cover uphold_rate,notice decisions,notice uphold_rate\r
        2013,diagnostic_imaging,0,,1,1.0\r
        2013,diagnostic_test,0,,1,1.0\r
        2013,pharmaceutical,1,1.0,3,0.6667\r
        2013,physical_medicine,0,,1,0.0\r
        2013,program,0,,1,0.0\r
        2014,diagnostic_imaging,1,1.0,0,\r
        2014,pharmaceutical,1,0.0,0,\r
        2014,physical_medicine,1,0.0,0,\r
        """, csv.out());
  }

  @Test
  void threeDimensionsWithTheOutcomeAreTablesOfCountsAndRowsOfAllThree() throws IOException {
    // the outcome goes across, whichever --by it is; one table per year
    String expected = """
        uphold rate by layout x outcome x decision_year: 11 decisions, 6 upheld, 54.5% [95% CI 28.0-78.7]

        decision_year = 2013: 8 decisions, 5 upheld, 62.5% [95% CI 30.6-86.3]
        layout  upheld  overturned  decisions
        notice       4           3          7
        cover        1           -          1

        decision_year = 2014: 3 decisions, 1 upheld, 33.3% [95% CI 6.1-79.2]
        layout  upheld  overturned  decisions
        cover        1           2          3
        """;
    Fixtures.Run text = imr("report", "--by", "layout", "--by", "outcome", "--by", "decision_year", "--filter", "decision_year=..2014");
    assertEquals(0, text.exit(), text.err());
    assertEquals(expected, text.out());
    assertEquals(expected, imr("report", "--by", "layout", "--by", "decision_year", "--by", "outcome", "--filter", "decision_year=..2014").out());
    // CSV and JSON without --pivot: one row per combination of the three values
    Fixtures.Run csv = imr("report", "--by", "layout", "--by", "decision_year", "--by", "outcome", "--filter", "decision_year=..2014",
        "--sort", "name", "--format", "csv");
    assertEquals(0, csv.exit(), csv.err());
    assertEquals("""
        layout,decision_year,outcome,decisions,upheld,overturned,uphold_rate,ci95_low,ci95_high,share\r
        cover,2013,upheld,1,1,0,1.0,0.2065,1.0,0.0909\r
        cover,2014,overturned,2,0,2,0.0,0.0,0.6576,0.1818\r
        cover,2014,upheld,1,1,0,1.0,0.2065,1.0,0.0909\r
        notice,2013,overturned,3,0,3,0.0,0.0,0.5615,0.2727\r
        notice,2013,upheld,4,4,0,1.0,0.5101,1.0,0.3636\r
        """, csv.out());
    JsonNode json = JSON.readTree(imr("report", "--by", "layout", "--by", "decision_year", "--by", "outcome", "--filter",
        "decision_year=..2014", "--format", "json").out());
    assertEquals("[\"layout\",\"decision_year\",\"outcome\"]", json.get("by").toString());
    assertEquals("{\"layout\":\"notice\",\"decision_year\":\"2013\",\"outcome\":\"upheld\",\"decisions\":4,\"upheld\":4,"
        + "\"overturned\":0,\"uphold_rate\":1.0,\"ci95_low\":0.5101,\"ci95_high\":1.0,\"share\":0.3636}", json.get("rows").get(0).toString());
    assertEquals(5, json.get("rows").size());
    // letters: each notice letter has an overturned decision; two of them also an upheld one
    Fixtures.Run letters = imr("report", "--by", "layout", "--by", "outcome", "--by", "decision_year", "--level", "letter",
        "--filter", "layout=notice", "--format", "csv");
    assertEquals("""
        layout,outcome,decision_year,letters,upheld,overturned,uphold_rate,ci95_low,ci95_high,share\r
        notice,overturned,2013,3,0,3,0.0,0.0,0.5615,1.0\r
        notice,upheld,2013,2,2,0,1.0,0.3424,1.0,0.6667\r
        """, letters.out());
  }

  @Test
  void aFourthByIsAUsageError() {
    Fixtures.Run run = imr("report", "--by", "layout", "--by", "outcome", "--by", "drug", "--by", "drug_class");
    assertEquals(2, run.exit());
    assertEquals("imr: --by takes one to three dimensions, got 4\n", run.err());
    assertEquals("", run.out());
  }
}
