package org.imrindex.parse;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
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

/** Test helper shared with the CLI's tests (parser test-jar): PDF and DOCX copies of text letters. */
public final class TestDocuments {

  private TestDocuments() {}

  /**
   * Writes text as a PDF with Helvetica, one text line per line. Form feeds start new pages; text
   * without them is paginated every 40 lines with a running head and a "Page N of M" footer.
   * Returns the page count.
   */
  public static int pdf(String text, Path out, String runningHead, String password) throws IOException {
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
  public static void docx(String text, Path out) throws IOException {
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

  /** Makes a FIFO with mkfifo(1); skips the test where there is none. */
  public static Path fifo(Path p) throws IOException, InterruptedException {
    Process mk;
    try {
      mk = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
    } catch (IOException e) {
      org.junit.jupiter.api.Assumptions.abort("no mkfifo here: " + e.getMessage());
      throw e;
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor() == 0, "mkfifo failed");
    return p;
  }
}
