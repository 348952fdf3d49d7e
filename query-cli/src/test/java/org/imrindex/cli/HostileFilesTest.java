package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written to attack the reader rather than to be read: XML entities that reach for local
 * files or multiply themselves, a DOCX whose text inflates far past the limits, HTML nested without
 * end, a letter in UTF-16. Each ends as a record or a typed rejection; none leaks, hangs or stops the
 * run. The hang guard only turns a hang into a failure; a pass never depends on how long it took.
 */
class HostileFilesTest {

  private static final Duration HANG = Duration.ofSeconds(120);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  private static Path seed() {
    return Fixtures.corpus().resolve("letters/seeds/003_1bf899ffda0acde2.txt");
  }

  @Test
  void anExternalEntityInADocxNeverReadsTheFileItNames() throws Exception {
    String secret = "CANARY-" + Long.toHexString(0x5eedL * 7919);
    Path canary = Files.writeString(tmp.resolve("canary.txt"), secret);
    String doctype = "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"" + canary.toUri() + "\">]>";
    Path docx = docx(tmp.resolve("xxe.docx"), doctype, letterParagraphs() + paragraph("&xxe;"));

    Fixtures.Run run = assertTimeoutPreemptively(HANG, () -> Fixtures.imr("extract", "--format", "jsonl", docx.toString()));

    assertFalse(run.out().contains(secret), run.out());
    assertFalse(run.err().contains(secret), run.err());
    // a document type declaration is refused outright: the part is not read at all
    assertEquals(1, run.exit(), run.err());
    assertTrue(run.err().startsWith("imr: " + docx + ": corrupt: "), run.err());
    assertOneLinePerRejection(run);
  }

  @Test
  void entitiesThatMultiplyThemselvesAreRefusedNotExpanded() throws Exception {
    StringBuilder doctype = new StringBuilder("<!DOCTYPE w:document [<!ENTITY lol0 \"lol\">");
    for (int i = 1; i <= 9; i++) {
      doctype.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
    }
    doctype.append("]>");
    Path docx = docx(tmp.resolve("laughs.docx"), doctype.toString(), letterParagraphs() + paragraph("&lol9;"));

    Fixtures.Run run = assertTimeoutPreemptively(HANG, () -> Fixtures.imr("extract", "--format", "jsonl", docx.toString()));

    // 10^9 "lol"s would be 3 GB: whatever the outcome, the text never holds them
    assertTrue(run.out().length() < 1_000_000, "output of " + run.out().length() + " characters");
    assertFalse(run.out().contains("lollollollol"), "entities were expanded");
    assertEquals(1, run.exit(), run.err());
    assertTrue(run.err().startsWith("imr: " + docx + ": corrupt: "), run.err());
    assertOneLinePerRejection(run);
  }

  @Test
  void aDocxWhoseTextInflatesPastTheLimitIsTooLarge() throws Exception {
    // 3 million characters of text in a zip of a few KB: over the 2 million character limit
    Path docx = docx(tmp.resolve("bomb.docx"), "", letterParagraphs() + paragraph("lorem ipsum ".repeat(250_000)));
    assertTrue(Files.size(docx) < 1 << 20, "the bomb is small on disk: " + Files.size(docx));

    Fixtures.Run run = assertTimeoutPreemptively(HANG, () -> Fixtures.imr("extract", "--format", "jsonl", docx.toString()));

    assertEquals(1, run.exit(), run.err());
    assertEquals("", run.out());
    assertTrue(run.err().startsWith("imr: " + docx + ": too-large: "), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
  }

  @Test
  void htmlNestedWithoutEndIsReadOrRejectedAndTheRunGoesOn() throws Exception {
    Path html = Files.writeString(tmp.resolve("nested.html"),
        "<html><body>" + "<div>".repeat(30_000) + "IMR" + "</div>".repeat(30_000) + "</body></html>", StandardCharsets.UTF_8);
    Path index = tmp.resolve("index");

    Fixtures.Run run = assertTimeoutPreemptively(HANG,
        () -> Fixtures.imr("index", "--index", index.toString(), "--format", "json", "--quiet", html.toString(), seed().toString()));

    assertEquals(1, run.exit(), run.err());
    JsonNode summary = JSON.readTree(run.out());
    assertEquals(1, summary.get("indexed").asInt(), run.out());
    assertEquals(1, summary.get("rejected").size(), run.out());
    assertEquals(html.toString(), summary.get("rejected").get(0).get("path").asText());
    assertEquals(0, Fixtures.imr("verify", "--index", index.toString()).exit());
  }

  @Test
  void aLetterInUtf16IsTheSameRecordAsInUtf8() throws Exception {
    String text = Files.readString(seed(), StandardCharsets.UTF_8);
    Path utf16 = tmp.resolve("utf16.txt");
    try (OutputStream out = Files.newOutputStream(utf16)) {
      out.write(new byte[] {(byte) 0xFE, (byte) 0xFF});
      out.write(text.getBytes(StandardCharsets.UTF_16BE));
    }

    Fixtures.Run a = Fixtures.imr("extract", "--format", "jsonl", seed().toString());
    Fixtures.Run b = Fixtures.imr("extract", "--format", "jsonl", utf16.toString());

    assertEquals(0, a.exit(), a.err());
    assertEquals(0, b.exit(), b.err());
    JsonNode ra = JSON.readTree(a.out());
    JsonNode rb = JSON.readTree(b.out());
    assertEquals(ra.get("decisions"), rb.get("decisions"));
    assertEquals(ra.get("caseNumber"), rb.get("caseNumber"));
  }

  /** Every line on stderr is one {@code imr: PATH: REASON: detail} line: no stack trace. */
  private static void assertOneLinePerRejection(Fixtures.Run run) {
    run.err().lines().forEach(line -> assertTrue(line.startsWith("imr: ") && !line.contains("\tat "), run.err()));
    assertEquals(1, run.err().lines().count(), run.err());
  }

  /** The seed letter's lines as WordprocessingML paragraphs. */
  private static String letterParagraphs() throws IOException {
    StringBuilder body = new StringBuilder();
    for (String line : Files.readString(seed(), StandardCharsets.UTF_8).split("\n", -1)) {
      body.append(paragraph(line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")));
    }
    return body.toString();
  }

  private static String paragraph(String xmlText) {
    return "<w:p><w:r><w:t xml:space=\"preserve\">" + xmlText + "</w:t></w:r></w:p>";
  }

  /** A minimal DOCX (content types, package relationship, document part) written by hand. */
  private static Path docx(Path out, String doctype, String body) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
      entry(zip, "[Content_Types].xml", """
          <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
          <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
          <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
          <Default Extension="xml" ContentType="application/xml"/>
          <Override PartName="/word/document.xml" \
          ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
          </Types>""");
      entry(zip, "_rels/.rels", """
          <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
          <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId1" \
          Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
          Target="word/document.xml"/>
          </Relationships>""");
      entry(zip, "word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + doctype
          + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + body
          + "</w:body></w:document>");
    }
    return out;
  }

  private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
