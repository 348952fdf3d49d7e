package org.imrindex.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.imrindex.model.DeterminationLetter;
import org.imrindex.model.LetterJson;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bundled letter (corpus-samples/letters), parsed with the parser API, gives exactly its
 * expected record (corpus-samples/expected, compared as whole JSON records); so do PDF and DOCX
 * copies of the text letters, apart from the source, and the committed PDFs of some samples
 * (corpus-samples/sample-pdfs). A failure lists the differing fields first. Each decision's
 * {@code reasons} is left out on both sides: reasons are graded against hand labels
 * (ReasonLabelsTest), not written into the expected records.
 */
class ExpectedRecordsTest {

  private static final ObjectMapper JSON = LetterJson.mapper();
  private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  private final LetterParser parser = new LetterParser();

  @TempDir
  Path tmp;

  /** Each letter, named by its path under corpus-samples (the test's display name). */
  static Stream<Named<Path>> letters() throws IOException {
    return BundledLetters.letters().stream().map(p -> Named.of(BundledLetters.recordPath(p), p));
  }

  static Stream<Named<Path>> textLetters() throws IOException {
    return letters().filter(p -> p.getPayload().toString().endsWith(".txt"));
  }

  @Test
  void everyLetterHasAnExpectedRecordAndEveryRecordALetter() throws IOException {
    // 5 seeds and 15 samples, one of them HTML, and 51 real letters (counted in the folders by hand)
    List<Path> letters = BundledLetters.letters();
    assertEquals(20 + 51, letters.size(), letters::toString);
    assertEquals(19 + 51, textLetters().count());
    assertEquals(51, BundledLetters.realLetters(".pdf").size());
    assertEquals(letters.stream().map(BundledLetters::expectedOf).sorted().toList(), BundledLetters.expectedFiles());
    // and the PDFs of the three 2013-layout samples, each written from a text sample whose record it shares
    List<Path> pdfs = BundledLetters.samplePdfs();
    assertEquals(3, pdfs.size(), pdfs::toString);
    assertEquals(pdfs.size(), pdfs.stream().map(BundledLetters::textOfSamplePdf).filter(letters::contains).count());
  }

  static Stream<Named<Path>> samplePdfs() throws IOException {
    return BundledLetters.samplePdfs().stream().map(p -> Named.of(BundledLetters.recordPath(p), p));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samplePdfs")
  void theCommittedPdfOfASampleGivesTheRecordOfItsText(Path pdf) throws Exception {
    Path text = BundledLetters.textOfSamplePdf(pdf);
    JsonNode actual = record(parser.parse(pdf));
    assertEquals("application/pdf", actual.get("source").get("contentType").asText());
    assertSameRecord("the PDF " + BundledLetters.recordPath(pdf), text, withoutSource(expected(text)), withoutSource(actual));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("letters")
  void everyBundledLetterParsesToItsExpectedRecord(Path letter) throws Exception {
    JsonNode actual = record(parser.parse(letter));
    ((ObjectNode) actual.get("source")).put("path", BundledLetters.recordPath(letter));
    assertSameRecord(BundledLetters.recordPath(letter), letter, expected(letter), actual);
  }

  /** The PDF of each real letter, as the state posted it. */
  static Stream<Named<Path>> realPdfs() throws IOException {
    return BundledLetters.realLetters(".pdf").stream().map(p -> Named.of(BundledLetters.recordPath(p), p));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("realPdfs")
  void thePostedPdfOfEveryRealLetterGivesTheRecordOfItsText(Path pdf) throws Exception {
    JsonNode actual = record(parser.parse(pdf));
    assertEquals("application/pdf", actual.get("source").get("contentType").asText());
    assertSameRecord("the posted PDF " + BundledLetters.recordPath(pdf), pdf, withoutSource(expected(pdf)), withoutSource(actual));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("textLetters")
  void aPdfCopyOfEveryTextLetterGivesTheSameRecord(Path letter) throws Exception {
    JsonNode expected = expected(letter);
    String head = expected.get("caseNumber").isNull() ? "MAXIMUS Federal Services - Independent Medical Review"
        : "IMR Case Number: " + expected.get("caseNumber").asText();
    Path pdf = tmp.resolve(letter.getFileName() + ".pdf");
    int pages = BundledLetters.pdf(TextExtractor.decode(Files.readAllBytes(letter)), pdf, head);

    JsonNode actual = record(parser.parse(pdf));
    assertEquals("application/pdf", actual.get("source").get("contentType").asText());
    assertEquals(pages, actual.get("source").get("pages").asInt());
    assertSameRecord("a PDF copy of " + BundledLetters.recordPath(letter), letter, withoutSource(expected), withoutSource(actual));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("textLetters")
  void aDocxCopyOfEveryTextLetterGivesTheSameRecord(Path letter) throws Exception {
    Path docx = tmp.resolve(letter.getFileName() + ".docx");
    BundledLetters.docx(TextExtractor.decode(Files.readAllBytes(letter)), docx);

    JsonNode actual = record(parser.parse(docx));
    assertEquals(DOCX, actual.get("source").get("contentType").asText());
    assertSameRecord("a DOCX copy of " + BundledLetters.recordPath(letter), letter, withoutSource(expected(letter)),
        withoutSource(actual));
  }

  private static JsonNode expected(Path letter) throws IOException {
    return withoutReasons(JSON.readTree(BundledLetters.expectedOf(letter).toFile()));
  }

  /** The record as `imr extract` writes it, read back as a tree, without its decisions' reasons. */
  private static JsonNode record(DeterminationLetter letter) throws IOException {
    return withoutReasons(JSON.readTree(JSON.writeValueAsString(letter)));
  }

  /** The record without each decision's {@code reasons} (graded against hand labels instead). */
  static JsonNode withoutReasons(JsonNode record) {
    ObjectNode copy = record.deepCopy();
    JsonNode decisions = copy.get("decisions");
    if (decisions != null) {
      decisions.forEach(d -> ((ObjectNode) d).remove("reasons"));
    }
    return copy;
  }

  private static JsonNode withoutSource(JsonNode record) {
    ObjectNode copy = record.deepCopy();
    copy.remove("source");
    return copy;
  }

  /** Whole records, pretty-printed; the message names each differing field before the two records. */
  private static void assertSameRecord(String what, Path letter, JsonNode expected, JsonNode actual) throws IOException {
    assertEquals(pretty(expected), pretty(actual), () -> "the record of " + what + " differs from "
        + BundledLetters.recordPath(BundledLetters.expectedOf(letter)) + ":\n  "
        + String.join("\n  ", JsonDiff.of(expected, actual)) + "\n");
  }

  private static String pretty(JsonNode n) throws IOException {
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n);
  }
}
