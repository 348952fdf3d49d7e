package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.imrindex.model.LetterJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExtractCommandTest {

  private static final ObjectMapper JSON = LetterJson.mapper();

  @TempDir
  Path tmp;

  static List<Path> letters() throws IOException {
    return Fixtures.letters();
  }

  static List<Path> textLetters() throws IOException {
    return Fixtures.letters().stream().filter(p -> p.toString().endsWith(".txt")).toList();
  }

  @Test
  void theCorpusHasTheFiveSeedsAndTwelveSamples() throws IOException {
    assertEquals(17, letters().size());
    assertEquals(5, letters().stream().filter(p -> p.getParent().getFileName().toString().equals("seeds")).count());
  }

  @ParameterizedTest
  @MethodSource("letters")
  void everyBundledLetterExtractsToItsExpectedRecord(Path letter) throws IOException {
    JsonNode actual = extractOne(letter);
    ((ObjectNode) actual.get("source")).put("path", Fixtures.corpus().relativize(letter).toString());
    JsonNode expected = JSON.readTree(Fixtures.expectedOf(letter).toFile());
    assertEquals(pretty(expected), pretty(actual));
  }

  @ParameterizedTest
  @MethodSource("textLetters")
  void aPdfCopyOfEveryTextLetterGivesTheSameRecord(Path letter) throws IOException {
    String text = org.imrindex.parse.TextExtractor.decode(Files.readAllBytes(letter));
    JsonNode expected = JSON.readTree(Fixtures.expectedOf(letter).toFile());
    String head = expected.get("caseNumber").isNull() ? "MAXIMUS Federal Services - Independent Medical Review"
        : "IMR Case Number: " + expected.get("caseNumber").asText();
    Path pdf = tmp.resolve(letter.getFileName() + ".pdf");
    int pages = Fixtures.pdf(text, pdf, head, null);

    JsonNode actual = extractOne(pdf);
    assertEquals("application/pdf", actual.get("source").get("contentType").asText());
    assertEquals(pages, actual.get("source").get("pages").asInt());
    assertEquals(pretty(withoutSource(expected)), pretty(withoutSource(actual)));
  }

  @ParameterizedTest
  @MethodSource("textLetters")
  void aDocxCopyOfEveryTextLetterGivesTheSameRecord(Path letter) throws IOException {
    String text = org.imrindex.parse.TextExtractor.decode(Files.readAllBytes(letter));
    Path docx = tmp.resolve(letter.getFileName() + ".docx");
    Fixtures.docx(text, docx);

    JsonNode actual = extractOne(docx);
    assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        actual.get("source").get("contentType").asText());
    JsonNode expected = JSON.readTree(Fixtures.expectedOf(letter).toFile());
    assertEquals(pretty(withoutSource(expected)), pretty(withoutSource(actual)));
  }

  @Test
  void seed003FirstItemIsNorcoWithPages74To82() throws IOException {
    JsonNode d = extractOne(Fixtures.corpus().resolve("letters/seeds/003_1bf899ffda0acde2.txt")).get("decisions").get(0);
    assertEquals("Norco 10/325mg#120", d.get("item").asText());
    assertEquals("upheld", d.get("outcome").asText());
    assertEquals("hydrocodone/acetaminophen", d.get("drug").get("generic").asText());
    assertEquals("Norco", d.get("drug").get("brand").asText());
    assertEquals("opioid", d.get("drug").get("drugClass").asText());
    assertEquals(120, d.get("drug").get("quantity").asInt());
    assertEquals("[74,75,76,77,78,79,80,81,82]", d.get("mtusPages").toString());
  }

  @Test
  void seed000ReviewerIsLicensedInFlorida() throws IOException {
    JsonNode r = extractOne(Fixtures.corpus().resolve("letters/seeds/000_3a4e8d0113b4c357.txt")).get("reviewer");
    assertEquals("[\"FL\"]", r.get("licensureStates").toString());
  }

  @Test
  void jsonlPrintsOneRecordPerLine() {
    Fixtures.Run run = Fixtures.imr("extract", "--format", "jsonl", Fixtures.corpus().resolve("letters/seeds").toString());
    assertEquals(0, run.exit());
    List<String> lines = run.out().lines().toList();
    assertEquals(5, lines.size());
    assertTrue(lines.get(0).startsWith("{\"caseNumber\":null,"), lines.get(0));
  }

  @Test
  void textFormatIsReadable() {
    Fixtures.Run run = Fixtures.imr("extract", "--format", "TEXT",
        Fixtures.corpus().resolve("letters/seeds/003_1bf899ffda0acde2.txt").toString());
    assertEquals(0, run.exit());
    assertTrue(run.out().contains("  1. upheld      Norco 10/325mg#120\n"), run.out());
    assertTrue(run.out().contains("     pharmaceutical | hydrocodone/acetaminophen (opioid) qty 120 | MTUS p. 74-82 | MTUS\n"), run.out());
    assertTrue(run.out().contains("  licensed  NY, TX\n"), run.out());
  }

  @Test
  void textFormatShowsWhatCouldNotBeReadWhole() throws IOException {
    Path letter = Files.writeString(tmp.resolve("cut.txt"), """
        IMR ISSUES, DECISIONS AND RATIONALES
        Norco 10/325mg #60: Upheld
        Decision rationale: The request is not medically necessary.
        Overturned
        Decision rationale: The request is medically necessary.
        """);
    Fixtures.Run run = Fixtures.imr("extract", "--format", "text", letter.toString());
    assertEquals(0, run.exit());
    assertTrue(run.out().contains("  2. overturned  \n"), run.out());
    assertTrue(run.out().contains("  warning   decision 2: item heading not found before 'Overturned'\n"), run.out());
  }

  @Test
  void textFormatShowsTheOriginalRequestOfAPartlyAuthorisedOne() throws IOException {
    Path letter = Files.writeString(tmp.resolve("partial.txt"), """
        IMR ISSUES, DECISIONS AND RATIONALES
        Acupuncture for 8 sessions was the original request. Acupuncture for 6 sessions was
        authorized by the Claims Administrator. The remaining IMR eligible portion of the
        original request, Acupuncture for 2 sessions is: Upheld
        Decision rationale: The request is not medically necessary.
        """);
    Fixtures.Run run = Fixtures.imr("extract", "--format", "text", letter.toString());
    assertEquals(0, run.exit());
    assertTrue(run.out().contains("  1. upheld      Acupuncture for 2 sessions\n"), run.out());
    assertTrue(run.out().contains("     original request: Acupuncture for 8 sessions | authorized: Acupuncture for 6 sessions\n"), run.out());
  }

  @Test
  void badFilesAreNamedOnStderrAndGoodOnesStillPrinted() throws IOException {
    Path good = Fixtures.corpus().resolve("letters/seeds/001_f0d839e0a1819322.txt");
    Path empty = Files.createFile(tmp.resolve("empty.txt"));
    Path prose = Files.writeString(tmp.resolve("note.txt"), "Dear Sir,\nplease find the invoice attached.\n");
    byte[] garbage = new byte[2048];
    new java.util.Random(3).nextBytes(garbage);
    Path fakePdf = Files.write(tmp.resolve("scan.pdf"), garbage);
    Path encrypted = tmp.resolve("locked.pdf");
    Fixtures.pdf(Files.readString(good), encrypted, "head", "secret");
    Path weird = Files.writeString(tmp.resolve("evil\n\u001b[31mname.txt"), "x");

    Fixtures.Run run = Fixtures.imr("extract", "--format", "jsonl", good.toString(), empty.toString(), prose.toString(),
        fakePdf.toString(), encrypted.toString(), weird.toString(), tmp.resolve("missing.txt").toString());

    assertEquals(1, run.exit());
    assertEquals(1, run.out().lines().count());
    List<String> err = run.err().lines().toList();
    assertEquals(List.of(
        "imr: " + tmp.resolve("missing.txt") + ": unreadable: no such file or folder",
        "imr: " + empty + ": empty: empty file (0 bytes)",
        "imr: " + prose + ": not-a-determination: no IMR determination headings (e.g. CLINICAL CASE SUMMARY, IMR ISSUES, DECISIONS AND RATIONALES)",
        "imr: " + encrypted + ": encrypted: encrypted document",
        "imr: " + tmp + "/evil\\n\\x1b[31mname.txt: not-a-determination: no IMR determination headings (e.g. CLINICAL CASE SUMMARY, IMR ISSUES, DECISIONS AND RATIONALES)"),
        err.stream().filter(l -> !l.contains("scan.pdf")).toList());
    assertTrue(err.stream().anyMatch(l -> l.startsWith("imr: " + fakePdf + ": corrupt: cannot parse application/pdf")), run.err());
  }

  @Test
  void unknownFormatIsAUsageError() {
    Fixtures.Run run = Fixtures.imr("extract", "--format", "yaml", "x.txt");
    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("imr: Invalid value for option '--format': expected one of [JSON, JSONL, TEXT]"), run.err());
    assertTrue(run.err().contains("Try 'imr extract --help'"), run.err());
  }

  @Test
  void noFilesIsAUsageError() {
    Fixtures.Run run = Fixtures.imr("extract");
    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("imr: Missing required parameter: 'FILE'"), run.err());
  }

  @Test
  void helpListsTheExitCodes() {
    Fixtures.Run run = Fixtures.imr("extract", "--help");
    assertEquals(0, run.exit());
    assertTrue(run.out().contains("Exit codes:"), run.out());
    assertTrue(run.out().contains("1   Some files were not determinations"), run.out());
  }

  private static JsonNode extractOne(Path file) throws IOException {
    Fixtures.Run run = Fixtures.imr("extract", "--format", "json", file.toString());
    assertEquals("", run.err());
    assertEquals(0, run.exit());
    JsonNode array = JSON.readTree(run.out());
    assertEquals(1, array.size());
    return array.get(0);
  }

  private static JsonNode withoutSource(JsonNode record) {
    ObjectNode copy = record.deepCopy();
    copy.remove("source");
    return copy;
  }

  private static String pretty(JsonNode n) throws IOException {
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n);
  }
}
