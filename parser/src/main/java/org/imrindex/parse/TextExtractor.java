package org.imrindex.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Office;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.xml.sax.SAXException;

/**
 * Reads a letter file's text: plain text decoded directly (UTF-8, else Windows-1252/Latin-1), PDF,
 * HTML and DOCX through Apache Tika (no OCR). Enforces a size limit and a text write limit.
 */
public final class TextExtractor {

  /** Largest file accepted: real letters are a few pages, well under this. */
  public static final long DEFAULT_MAX_BYTES = 16L << 20;
  /** Most characters of text kept from one file. */
  public static final int DEFAULT_MAX_CHARS = 2_000_000;

  private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  private static final Set<String> TIKA_TYPES = Set.of(
      "application/pdf", "text/html", "application/xhtml+xml", DOCX, "application/msword", "application/rtf");
  private static final Set<String> SNIFFED_DIRECT = Set.of("application/pdf", "text/html");
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private final AutoDetectParser tika = new AutoDetectParser();
  /** The parsers of the types sniffed from the first bytes, looked up once (Tika builds the map on every call). */
  private final Map<String, Parser> direct = directParsers(tika);
  private final long maxBytes;
  private final int maxChars;

  public TextExtractor() {
    this(DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS);
  }

  public TextExtractor(long maxBytes, int maxChars) {
    this.maxBytes = maxBytes;
    this.maxChars = maxChars;
  }

  public ExtractedText extract(Path file) throws LetterRejectedException {
    byte[] bytes = read(file);
    Metadata metadata = new Metadata();
    String type = detect(file, bytes, metadata);
    String sha256 = sha256(bytes);
    if (type.equals("text/plain")) {
      String text = decode(bytes);
      if (text.length() > maxChars) {
        throw new LetterRejectedException(RejectReason.TOO_LARGE,
            "text is " + text.length() + " characters; a letter is at most " + maxChars + " characters");
      }
      return new ExtractedText(text, type, null, sha256);
    }
    if (!TIKA_TYPES.contains(type)) {
      throw new LetterRejectedException(RejectReason.UNSUPPORTED_TYPE, "not a letter format (PDF, text, HTML, DOCX): " + type);
    }
    return parseWithTika(bytes, metadata, type, sha256);
  }

  /**
   * True when the file is plain text, which the parser reads without Tika; other formats are
   * better parsed in an isolated process. Reads only the file's head, and opens only regular files;
   * anything else (a FIFO, a device, a missing file) counts as text so the in-process path reports why.
   */
  public boolean isPlainText(Path file) {
    if (RegularFiles.check(file) != null) {
      return true;
    }
    byte[] head = new byte[SNIFF_BYTES];
    int n;
    try (InputStream in = java.nio.file.Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    } catch (IOException | RuntimeException e) {
      return true;
    }
    String sniffed = sniff(head, n);
    if (sniffed != null) {
      return sniffed.equals("text/plain");
    }
    try (InputStream in = new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(file))) {
      Metadata metadata = new Metadata();
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, String.valueOf(file.getFileName()));
      return tika.getDetector().detect(in, metadata).getBaseType().toString().equals("text/plain");
    } catch (IOException | RuntimeException e) {
      return true;
    }
  }

  /** Bytes read to recognise a format without Tika. */
  private static final int SNIFF_BYTES = 8192;

  /**
   * The type of the common, unambiguous cases from the first bytes: PDF by its signature, HTML by
   * its first tag, text when there is no NUL and no container signature. Null for anything else
   * (ZIP and OLE containers, binaries), which Tika's detector decides. Tika's magic detection is
   * thorough but took half of all indexing time on text letters.
   */
  static String sniff(byte[] head, int n) {
    if (n >= 5 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F' && head[4] == '-') {
      return "application/pdf";
    }
    if (n >= 4 && ((head[0] == 'P' && head[1] == 'K') || (head[0] == (byte) 0xD0 && head[1] == (byte) 0xCF))) {
      return null; // a container: DOCX, DOC, or something else
    }
    int start = 0;
    boolean utf16 = n >= 2 && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE) || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF));
    if (utf16) {
      return "text/plain";
    }
    if (n >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF) {
      start = 3;
    }
    for (int i = start; i < n; i++) {
      if (head[i] == 0) {
        return null; // binary
      }
    }
    int i = start;
    while (i < n && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
      i++;
    }
    if (i < n && head[i] == '<') {
      String lower = new String(head, i, Math.min(n - i, 1024), java.nio.charset.StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
      if (lower.startsWith("<!doctype html") || lower.contains("<html") || lower.contains("<body")) {
        return "text/html";
      }
      return null;
    }
    return "text/plain";
  }

  private String detect(Path file, byte[] bytes, Metadata metadata) throws LetterRejectedException {
    String sniffed = sniff(bytes, Math.min(bytes.length, SNIFF_BYTES));
    if (sniffed != null) {
      return sniffed;
    }
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, String.valueOf(file.getFileName()));
    try (InputStream in = TikaInputStream.get(bytes)) {
      return tika.getDetector().detect(in, metadata).getBaseType().toString();
    } catch (IOException e) {
      throw new LetterRejectedException(RejectReason.UNREADABLE, "cannot detect the file type: " + e.getMessage(), e);
    }
  }

  private byte[] read(Path file) throws LetterRejectedException {
    try {
      // a FIFO or device is never opened: reading one can block for ever, or never end
      RegularFiles.NotRegular not = RegularFiles.check(file);
      if (not != null) {
        throw new LetterRejectedException(not.reason(), not.detail());
      }
      long size = Files.size(file);
      if (size == 0) {
        throw new LetterRejectedException(RejectReason.EMPTY, "empty file (0 bytes)");
      }
      if (size > maxBytes) {
        throw tooLarge(size);
      }
      // read at most one byte past the limit: a file that grows after the size was read stays bounded
      byte[] bytes;
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes(Math.toIntExact(Math.min(maxBytes + 1L, Integer.MAX_VALUE - 8L)));
      }
      if (bytes.length > maxBytes) {
        throw tooLarge(Math.max(Files.size(file), bytes.length));
      }
      return bytes;
    } catch (IOException e) {
      throw new LetterRejectedException(RejectReason.UNREADABLE, "cannot read: " + e.getMessage(), e);
    }
  }

  private LetterRejectedException tooLarge(long size) {
    return new LetterRejectedException(RejectReason.TOO_LARGE, "file is " + size + " bytes; a letter is at most " + maxBytes
        + " bytes" + (maxBytes % (1 << 20) == 0 ? " (" + (maxBytes >> 20) + " MiB)" : ""));
  }

  private static Map<String, Parser> directParsers(AutoDetectParser tika) {
    Map<MediaType, Parser> all = tika.getParsers();
    Map<String, Parser> out = new HashMap<>();
    for (String type : SNIFFED_DIRECT) {
      Parser p = all.get(MediaType.parse(type));
      if (p != null) {
        out.put(type, p);
      }
    }
    return Map.copyOf(out);
  }

  private ExtractedText parseWithTika(byte[] bytes, Metadata metadata, String type, String sha256)
      throws LetterRejectedException {
    PageTextHandler handler = new PageTextHandler(maxChars);
    ParseContext context = new ParseContext();
    PDFParserConfig pdf = new PDFParserConfig();
    pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
    pdf.setExtractInlineImages(false);
    context.set(PDFParserConfig.class, pdf);
    // the parser for embedded documents: without one, Tika builds a new AutoDetectParser (loading its
    // whole configuration) for every PDF, which took a sixth of the PDF parse time
    context.set(Parser.class, tika);
    // a PDF or HTML file's type is known from its first bytes: go straight to its parser, without
    // Tika's second detection pass; containers (DOCX) keep the auto-detecting parser and its zip-bomb guard
    // (the composite parser under the auto-detecting one picks the parser by the stated content type)
    Parser parser = tika;
    if (SNIFFED_DIRECT.contains(type)) {
      metadata.set(Metadata.CONTENT_TYPE, type);
      parser = direct.getOrDefault(type, tika);
    }
    try (InputStream in = TikaInputStream.get(bytes)) {
      parser.parse(in, handler, metadata, context);
    } catch (EncryptedDocumentException e) {
      throw new LetterRejectedException(RejectReason.ENCRYPTED, "encrypted document", e);
    } catch (SAXException e) {
      // the HTML parser wraps the handler's exception in its own SAXException (a tagged copy)
      PageTextHandler.LimitReached limit = limitIn(e);
      if (limit != null) {
        throw new LetterRejectedException(RejectReason.TOO_LARGE, limit.getMessage(), e);
      }
      throw new LetterRejectedException(RejectReason.CORRUPT, "cannot parse " + type + ": " + e.getMessage(), e);
    } catch (TikaException | IOException | RuntimeException e) {
      Throwable cause = e;
      while (cause != null) {
        if (cause instanceof EncryptedDocumentException || String.valueOf(cause.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("password")) {
          throw new LetterRejectedException(RejectReason.ENCRYPTED, "encrypted document", e);
        }
        cause = cause.getCause() == cause ? null : cause.getCause();
      }
      PageTextHandler.LimitReached limit = limitIn(e);
      if (limit != null) {
        throw new LetterRejectedException(RejectReason.TOO_LARGE, limit.getMessage(), e);
      }
      String bomb = zipBombIn(e);
      if (bomb != null) {
        // POI's inflation guard: the file is small, its content is not
        throw new LetterRejectedException(RejectReason.TOO_LARGE, "inflates far past its size: " + bomb, e);
      }
      throw new LetterRejectedException(RejectReason.CORRUPT, "cannot parse " + type + ": " + oneLine(e), e);
    }
    Integer pages = metadata.getInt(PagedText.N_PAGES);
    if (pages == null) {
      pages = metadata.getInt(Office.PAGE_COUNT);
    }
    if (pages == null && handler.pages() > 0) {
      pages = handler.pages();
    }
    return new ExtractedText(handler.text(), type, pages, sha256);
  }

  /** The message of POI's zip-bomb guard among e's causes (OOXML inflated past its ratio or size limits), or null. */
  private static String zipBombIn(Throwable e) {
    java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
      String m = t.getMessage();
      if (m != null && m.toLowerCase(java.util.Locale.ROOT).contains("zip bomb")) {
        return m.lines().findFirst().orElse(m).strip();
      }
    }
    return null;
  }

  /** The text limit's exception among e's causes (and a SAXException's wrapped exception), or null. */
  private static PageTextHandler.LimitReached limitIn(Throwable e) {
    java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    java.util.ArrayDeque<Throwable> todo = new java.util.ArrayDeque<>(java.util.List.of(e));
    while (!todo.isEmpty()) {
      Throwable t = todo.pop();
      if (!seen.add(t)) {
        continue;
      }
      if (t instanceof PageTextHandler.LimitReached limit) {
        return limit;
      }
      if (t.getCause() != null) {
        todo.push(t.getCause());
      }
      if (t instanceof SAXException sax && sax.getException() != null) {
        todo.push(sax.getException());
      }
    }
    return null;
  }

  /**
   * The first line of the deepest cause's message: Tika wraps parser failures as "TIKA-198: Illegal
   * IOException from …PDFParser@1a2b3c", which names an object, not the problem.
   */
  private static String oneLine(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage() == null || root.getMessage().isBlank() ? root.getClass().getSimpleName() : root.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /** UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252, a superset of Latin-1. */
  public static String decode(byte[] bytes) {
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
      return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
    }
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
      return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
    }
    int offset = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, WINDOWS_1252);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
