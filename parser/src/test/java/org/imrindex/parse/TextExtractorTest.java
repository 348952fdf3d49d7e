package org.imrindex.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextExtractorTest {

  @TempDir
  Path dir;

  private final TextExtractor extractor = new TextExtractor(1 << 20, 100_000);

  @Test
  void decodesUtf8AndLatin1AndUtf16() {
    assertEquals("caf\u00e9 \u201cx\u201d", TextExtractor.decode("caf\u00e9 \u201cx\u201d".getBytes(StandardCharsets.UTF_8)));
    assertEquals("caf\u00e9 \u201cx\u201d", TextExtractor.decode("caf\u00e9 \u201cx\u201d".getBytes(java.nio.charset.Charset.forName("windows-1252"))));
    assertEquals("ok", TextExtractor.decode(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'o', 'k'}));
    assertEquals("ok", TextExtractor.decode(new byte[] {(byte) 0xFF, (byte) 0xFE, 'o', 0, 'k', 0}));
  }

  @Test
  void readsATextFileWithItsHash() throws Exception {
    Path f = Files.writeString(dir.resolve("a.txt"), "abc", StandardCharsets.UTF_8);
    ExtractedText t = extractor.extract(f);
    assertEquals("abc", t.text());
    assertEquals("text/plain", t.contentType());
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", t.sha256());
  }

  @Test
  void readsHtmlThroughTika() throws Exception {
    Path f = Files.writeString(dir.resolve("a.html"), "<html><head><title>T</title></head><body><p>One</p><p>Two</p></body></html>");
    ExtractedText t = extractor.extract(f);
    assertEquals("text/html", t.contentType());
    assertEquals("One Two", TextCleaner.collapse(t.text().replace('\n', ' ')));
  }

  @Test
  void rejectsEmptyMissingTooLargeAndBinaryFilesWithReasons() throws IOException {
    assertEquals(RejectReason.EMPTY, reason(Files.createFile(dir.resolve("empty.txt"))));
    assertEquals(RejectReason.UNREADABLE, reason(dir.resolve("missing.txt")));
    assertEquals(RejectReason.NOT_A_REGULAR_FILE, reason(dir));
    assertEquals(RejectReason.TOO_LARGE, reason(Files.write(dir.resolve("big.txt"), new byte[(1 << 20) + 1])));
    byte[] garbage = new byte[4096];
    new java.util.Random(1).nextBytes(garbage);
    assertEquals(RejectReason.CORRUPT, reason(Files.write(dir.resolve("garbage.pdf"), garbage)));
    assertEquals(RejectReason.UNSUPPORTED_TYPE, reason(Files.write(dir.resolve("garbage.bin"), garbage)));
  }

  @Test
  void rejectsAPdfTruncatedHalfWay() throws Exception {
    byte[] pdf = ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >>")
        .getBytes(StandardCharsets.US_ASCII);
    assertEquals(RejectReason.CORRUPT, reason(Files.write(dir.resolve("cut.pdf"), pdf)));
  }

  @Test
  void plainTextOverTheCharacterLimitIsTooLargeAndSaysBy() throws Exception {
    // 100,001 characters in far fewer bytes than the byte limit: the character limit decides
    Path f = Files.writeString(dir.resolve("long.txt"), "a".repeat(100_001), StandardCharsets.UTF_8);
    LetterRejectedException e = assertThrows(LetterRejectedException.class, () -> extractor.extract(f));
    assertEquals(RejectReason.TOO_LARGE, e.reason());
    assertEquals("text is 100001 characters; a letter is at most 100000 characters", e.getMessage());
    assertEquals("a".repeat(100_000), extractor.extract(Files.writeString(dir.resolve("ok.txt"), "a".repeat(100_000))).text());
  }

  @Test
  void htmlWithMoreTextThanTheLimitIsTooLargeNotCorrupt() throws Exception {
    Path f = Files.writeString(dir.resolve("long.html"), "<html><body><p>" + "word ".repeat(30_000) + "</p></body></html>");
    LetterRejectedException e = assertThrows(LetterRejectedException.class, () -> extractor.extract(f));
    assertEquals(RejectReason.TOO_LARGE, e.reason(), e.getMessage());
    assertEquals("extracted text exceeds 100000 characters", e.getMessage());
  }

  @Test
  void aFileOverTheByteLimitSaysItsSizeInBytes() throws Exception {
    Path f = dir.resolve("big.txt");
    try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "rw")) {
      r.setLength(TextExtractor.DEFAULT_MAX_BYTES + 1);
    }
    LetterRejectedException e = assertThrows(LetterRejectedException.class, () -> new TextExtractor().extract(f));
    assertEquals(RejectReason.TOO_LARGE, e.reason());
    assertEquals("file is 16777217 bytes; a letter is at most 16777216 bytes (16 MiB)", e.getMessage());
  }

  @Test
  void aFifoIsNeverOpened() throws Exception {
    Path fifo = TestDocuments.fifo(dir.resolve("pipe.txt"));
    // opening a FIFO without a writer blocks for ever: a hang fails the test instead of stalling the build
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      assertTrue(extractor.isPlainText(fifo));
      LetterRejectedException e = assertThrows(LetterRejectedException.class, () -> extractor.extract(fifo));
      assertEquals(RejectReason.NOT_A_REGULAR_FILE, e.reason());
      assertEquals("a FIFO (named pipe)", e.getMessage());
    });
  }


  private RejectReason reason(Path f) {
    return assertThrows(LetterRejectedException.class, () -> extractor.extract(f)).reason();
  }
}
