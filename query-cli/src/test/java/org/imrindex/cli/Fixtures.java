package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import picocli.CommandLine;

/** Test helpers: the bundled corpus, running imr, and PDF/DOCX copies of text letters. */
final class Fixtures {

  private Fixtures() {}

  /** The corpus-samples module folder (tests run in query-cli/). */
  static Path corpus() {
    Path p = Path.of("..", "corpus-samples").toAbsolutePath().normalize();
    assertTrue(Files.isDirectory(p.resolve("letters")), "corpus-samples not found at " + p);
    return p;
  }

  /** Every bundled letter (seeds and samples), sorted. */
  static List<Path> letters() throws IOException {
    try (Stream<Path> s = Files.walk(corpus().resolve("letters"))) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  /** The expected record file of a bundled letter. */
  static Path expectedOf(Path letter) {
    Path rel = corpus().resolve("letters").relativize(letter);
    String name = rel.getFileName().toString().replaceFirst("\\.[^.]+$", ".json");
    return corpus().resolve("expected").resolve(rel.getParent()).resolve(name);
  }

  private static Path corpusIndex;

  /**
   * An index of the bundled corpus, built once per test JVM by {@code imr index} and shared by the
   * query tests (they only read it).
   */
  static synchronized String corpusIndex() throws IOException {
    if (corpusIndex == null) {
      Path dir = Files.createTempDirectory("imr-test-corpus-index");
      Run run = imr("index", "--index", dir.toString(), "--quiet", corpus().resolve("letters").toString());
      assertTrue(run.exit() == 0, run.err());
      corpusIndex = dir;
    }
    return corpusIndex.toString();
  }

  /** The outcome of one imr run. */
  record Run(int exit, String out, String err) {}

  static Run imr(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Imr.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  /**
   * Writes text as a PDF with Helvetica, one text line per line. Form feeds start new pages; text
   * without them is paginated every 40 lines with a running head and a "Page N of M" footer.
   * Returns the page count.
   */
  static int pdf(String text, Path out, String runningHead, String password) throws IOException {
    List<List<String>> pages = pages(text);
    boolean addEdges = !text.contains("\f");
    PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    try (PDDocument doc = new PDDocument()) {
      int n = 0;
      for (List<String> lines : pages) {
        n++;
        PDPage page = new PDPage(PDRectangle.LETTER);
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          cs.beginText();
          cs.setFont(font, 8);
          cs.setLeading(11);
          cs.newLineAtOffset(40, 760);
          List<String> all = new ArrayList<>();
          if (addEdges && n > 1) {
            all.add(runningHead);
          }
          all.addAll(lines);
          if (addEdges) {
            all.add("Page " + n + " of " + pages.size());
          }
          for (String line : all) {
            cs.showText(encodable(font, line));
            cs.newLine();
          }
          cs.endText();
        }
      }
      if (password != null) {
        StandardProtectionPolicy policy = new StandardProtectionPolicy(password + "-owner", password, new AccessPermission());
        policy.setEncryptionKeyLength(128);
        doc.protect(policy);
      }
      doc.save(out.toFile());
    }
    return pages.size();
  }

  /** Writes text as a DOCX, one paragraph per line, a page break at each form feed. */
  static void docx(String text, Path out) throws IOException {
    try (XWPFDocument doc = new XWPFDocument(); OutputStream os = Files.newOutputStream(out)) {
      for (List<String> page : pages(text)) {
        if (doc.getParagraphs().size() > 0) {
          doc.createParagraph().createRun().addBreak(BreakType.PAGE);
        }
        for (String line : page) {
          XWPFRun run = doc.createParagraph().createRun();
          run.setText(line);
        }
      }
      doc.write(os);
    }
  }

  private static List<List<String>> pages(String text) {
    List<List<String>> pages = new ArrayList<>();
    String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
    String[] parts = normalized.split("\f");
    for (String part : parts) {
      List<String> lines = new ArrayList<>();
      for (String l : part.split("\n")) {
        if (!l.isBlank()) {
          lines.add(l.strip());
        }
      }
      if (parts.length > 1) {
        pages.add(lines);
      } else {
        for (int i = 0; i < lines.size(); i += 40) {
          pages.add(lines.subList(i, Math.min(lines.size(), i + 40)));
        }
      }
    }
    return pages;
  }

  /** Helvetica's WinAnsi encoding lacks ligatures and some spaces: those are written decomposed. */
  private static String encodable(PDType1Font font, String line) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      String c = String.valueOf(line.charAt(i));
      try {
        font.encode(c);
        sb.append(c);
      } catch (IllegalArgumentException e) {
        sb.append(Normalizer.normalize(c, Normalizer.Form.NFKC));
      }
    }
    return sb.toString();
  }
}
