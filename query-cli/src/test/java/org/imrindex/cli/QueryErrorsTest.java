package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user typed wrong is a usage error: exit 2 and one line that says what, never an internal
 * error (exit 3) or a stack trace; and what the CLI prints about the window of hits tells the truth.
 */
class QueryErrorsTest {

  @TempDir
  Path tmp;

  private static void usage(String expectedLine, String... args) {
    Fixtures.Run run = Fixtures.imr(args);
    assertEquals(2, run.exit(), String.join(" ", args) + ": " + run.err());
    assertEquals(expectedLine + "\n", run.err(), String.join(" ", args));
    assertEquals("", run.out());
  }

  @Test
  void anInternalFieldIsAnUnknownField() throws IOException {
    usage("imr: unknown field '$facet_drug_class:'; search item:, rationale:, guideline:, summary: or text:"
        + " (a dimension is filtered with --filter DIM=VALUE)", "search", "--index", Fixtures.corpusIndex(), "$facet_drug_class:opioid");
  }

  private static final String FIELDS = "item:, rationale:, guideline:, summary: or text:";

  @Test
  void aMistypedFieldIsAnErrorNamingTheNearestField() throws IOException {
    usage("imr: unknown field 'rationle:'; did you mean rationale:? Search " + FIELDS + " (a dimension is filtered with --filter DIM=VALUE)",
        "search", "--index", Fixtures.corpusIndex(), "rationle:opioid");
    usage("imr: unknown field 'rationle:'; did you mean rationale:? Search " + FIELDS + " (a dimension is filtered with --filter DIM=VALUE)",
        "report", "--index", Fixtures.corpusIndex(), "--by", "outcome", "--query", "rationle:opioid");
  }

  @Test
  void aDimensionUsedAsAFieldSaysToFilterIt() throws IOException {
    usage("imr: unknown field 'drug_class:'; drug_class is a filter, not a text field: use --filter drug_class=opioid (text fields are "
        + FIELDS + ")", "search", "--index", Fixtures.corpusIndex(), "drug_class:opioid");
    usage("imr: unknown field 'case_number:'; case_number is a filter, not a text field: use --filter case_number=x (text fields are "
        + FIELDS + ")", "search", "--index", Fixtures.corpusIndex(), "case_number:x");
    usage("imr: unknown field 'outcome:'; outcome is a filter, not a text field: use --filter outcome=upheld (text fields are "
        + FIELDS + ")", "export", "--index", Fixtures.corpusIndex(), "--format", "jsonl", "--query", "outcome:upheld");
  }

  @Test
  void aFieldNameMatchesWhateverItsCase() throws IOException {
    Fixtures.Run lower = Fixtures.imr("search", "--index", Fixtures.corpusIndex(), "rationale:opioid", "--limit", "0");
    Fixtures.Run upper = Fixtures.imr("search", "--index", Fixtures.corpusIndex(), "Rationale:opioid", "--limit", "0");
    assertEquals(0, lower.exit(), lower.err());
    assertEquals(0, upper.exit(), upper.err());
    assertEquals("11 decisions match rationale:opioid (none past 11: --offset 0)\n", lower.out());
    assertEquals("11 decisions match Rationale:opioid (none past 11: --offset 0)\n", upper.out());
    Fixtures.Run exact = Fixtures.imr("search", "--index", Fixtures.corpusIndex(), "--exact", "ITEM:\"physical therapy\"", "--limit", "0");
    assertEquals(0, exact.exit(), exact.err());
    assertEquals("2 decisions match ITEM:\"physical therapy\" (none past 2: --offset 0)\n", exact.out());
  }

  @Test
  void filterValuesMatchWhateverTheirCaseAndADrugByItsBrand() throws IOException {
    String[][] asked = {
        {"drug_class=Opioid", "8"}, {"drug_class=opioid", "8"}, {"licensure_state=ca", "27"}, {"outcome=UPHELD", "32"},
        {"drug=Norco", "4"}, {"drug=hydrocodone/acetaminophen", "4"}};
    for (String[] a : asked) {
      Fixtures.Run run = Fixtures.imr("search", "--index", Fixtures.corpusIndex(), "--filter", a[0], "--limit", "0");
      assertEquals(0, run.exit(), a[0] + ": " + run.err());
      assertEquals(a[1] + " decisions match (none past " + a[1] + ": --offset 0)\n", run.out(), a[0]);
      assertEquals("", run.err(), a[0]);
    }
    // the request shows the filter as the index spells it
    Fixtures.Run json = Fixtures.imr("report", "--index", Fixtures.corpusIndex(), "--by", "outcome", "--filter", "drug=Norco",
        "--filter", "Licensure_State=ca", "--format", "json");
    assertEquals(0, json.exit(), json.err());
    assertTrue(json.out().startsWith("{\"level\":\"decision\",\"by\":[\"outcome\"],\"query\":null,"
        + "\"filters\":{\"drug\":[\"hydrocodone/acetaminophen\"],\"licensure_state\":[\"CA\"]},"), json.out());
  }

  @Test
  void theValuesAFilterErrorListsAreSorted() throws IOException {
    usage("imr: no decision has drug_class=opiod; values are: anticonvulsant, antidepressant, benzodiazepine, compound, medical_food,"
        + " muscle_relaxant, nsaid, opioid, ppi, sleep_aid, topical", "report", "--index", Fixtures.corpusIndex(), "--by", "outcome",
        "--filter", "drug_class=opiod");
    usage("imr: no decision has licensure_state=zz; values are: AZ, CA, CO, FL, GA, IL, MA, NC, NH, NV, NY, OH, OR, PA, SC, TX, WA",
        "search", "--index", Fixtures.corpusIndex(), "--filter", "licensure_state=zz");
  }

  @Test
  void moreClausesThanTheLimitSaysSo() throws IOException {
    String q = String.join(" OR ", Collections.nCopies(18, "opioid"));
    String line = "imr: the query expands to more than 8,192 clauses (each word searches several fields and its synonyms); use fewer terms";
    usage(line, "search", "--index", Fixtures.corpusIndex(), q);
    usage(line, "report", "--index", Fixtures.corpusIndex(), "--by", "outcome", "--query", q);
    usage(line, "export", "--index", Fixtures.corpusIndex(), "--format", "jsonl", "--query", q);
  }

  @Test
  void aRegularExpressionThatWouldExplodeIsRefusedAsItIsParsed() throws IOException {
    usage("imr: the regular expression /((a{1,50}){1,50}){1,50}/ is too complex: its counted repetitions expand to more than 2,000"
        + " states; use smaller {n,m} bounds or fewer nested ones", "search", "--index", Fixtures.corpusIndex(), "/((a{1,50}){1,50}){1,50}/");
  }

  @Test
  void termsLimitOutOfRange() throws IOException {
    usage("imr: --limit takes 0 to 1,000 terms per side, got -1", "terms", "--index", Fixtures.corpusIndex(), "--compare", "outcome",
        "--limit", "-1");
  }

  @Test
  void anOffsetOrLimitPastTheWindowIsRefused() throws IOException {
    String line = "imr: --offset plus --limit is at most 10,000 (the deepest hit a search shows); narrow the query, or list every hit"
        + " with imr export";
    usage(line, "search", "--index", Fixtures.corpusIndex(), "opioid", "--offset", "999999999");
    usage(line, "search", "--index", Fixtures.corpusIndex(), "opioid", "--limit", "2147483647");
  }

  @Test
  void anOffsetPastTheLastHitSaysSoInsteadOfAnEmptyRange() throws IOException {
    Fixtures.Run all = Fixtures.imr("search", "--index", Fixtures.corpusIndex(), "opioid", "--format", "json", "--limit", "0");
    assertEquals(0, all.exit(), all.err());
    long total = Long.parseLong(all.out().replaceFirst("(?s).*\"total\":(\\d+).*", "$1"));
    assertTrue(total > 0 && total < 9_000, all.out());

    Fixtures.Run run = Fixtures.imr("search", "--index", Fixtures.corpusIndex(), "opioid", "--offset", "9000");

    assertEquals(0, run.exit(), run.err());
    String n = String.format(java.util.Locale.ROOT, "%,d", total);
    assertEquals(n + " decisions match opioid (none past " + n + ": --offset 9,000)", run.out().lines().findFirst().orElseThrow());
    assertFalse(run.out().contains("showing"), run.out());
  }

  @Test
  void indexNamingAFileIsAUsageErrorForEveryCommandThatReadsOne() throws IOException {
    Path file = Files.writeString(tmp.resolve("decisions.csv"), "a,b\n");
    String line = "imr: --index " + file + " is a file, not an index folder";
    usage(line, "search", "--index", file.toString(), "opioid");
    usage(line, "report", "--index", file.toString(), "--by", "outcome");
    usage(line, "terms", "--index", file.toString(), "--compare", "outcome");
    usage(line, "export", "--index", file.toString(), "--format", "jsonl");
    usage(line, "stats", "--index", file.toString());
    usage(line, "verify", "--index", file.toString());
    Fixtures.Run index = Fixtures.imr("index", "--index", file.toString(), Fixtures.corpus().resolve("letters/seeds").toString());
    assertEquals(2, index.exit(), index.err());
    assertEquals(1, index.err().lines().count(), index.err());
    assertEquals("a,b\n", Files.readString(file));
  }

  @Test
  void csvToStdoutEscapesControlCharactersFromFileNames() throws IOException {
    Path letters = Files.createDirectories(tmp.resolve("letters"));
    Files.copy(Fixtures.corpus().resolve("letters/seeds/003_1bf899ffda0acde2.txt"), letters.resolve("evil\u001b[2J\u0007.txt"));
    Path index = tmp.resolve("index");
    assertEquals(0, Fixtures.imr("index", "--index", index.toString(), "--quiet", letters.toString()).exit());

    Fixtures.Run run = Fixtures.imr("export", "--index", index.toString(), "--format", "csv");

    assertEquals(0, run.exit(), run.err());
    assertFalse(run.out().contains("\u001b"), "raw ESC in the CSV");
    assertFalse(run.out().contains("\u0007"), "raw BEL in the CSV");
    assertTrue(run.out().contains("evil\\x1b[2J\\x07.txt"), run.out());
  }

  @Test
  void theExamplesOfTermsHelpRun() throws IOException {
    java.util.List<String> examples = Fixtures.imr("terms", "--help").out().lines()
        .filter(l -> l.strip().startsWith("imr terms") || l.startsWith("Examples:"))
        .map(l -> l.replaceFirst("^Examples:", "").strip())
        .toList();
    assertEquals(2, examples.size(), examples.toString());
    for (String example : examples) {
      java.util.List<String> args = new java.util.ArrayList<>();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("'([^']*)'|(\\S+)").matcher(example.substring("imr ".length()));
      while (m.find()) {
        args.add(m.group(1) != null ? m.group(1) : m.group(2));
      }
      args.addAll(java.util.List.of("--index", Fixtures.corpusIndex()));
      Fixtures.Run run = Fixtures.imr(args.toArray(String[]::new));
      assertEquals(0, run.exit(), example + ": " + run.err());
      assertEquals("", run.err(), example);
    }
  }
}
