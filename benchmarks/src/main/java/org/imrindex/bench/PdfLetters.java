package org.imrindex.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Renders a letter's text as a text PDF with the page geometry of a real determination letter:
 * US Letter, 11 pt Helvetica, 46 lines a page (fewer if asked, to spread the same text over more
 * pages), a running head from page 2 and a "Page N of M" footer.
 */
final class PdfLetters {

  /** Lines of an 11 pt page. */
  static final int FULL_PAGE = 46;

  private PdfLetters() {}

  /** Writes {@code text} (blank lines dropped) to {@code out}; returns the page count. */
  static int write(String text, String runningHead, int linesPerPage, Path out) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String l : text.replace("\r\n", "\n").split("\n")) {
      if (!l.isBlank()) {
        lines.add(encodable(l.strip()));
      }
    }
    int pages = Math.max(1, (lines.size() + linesPerPage - 1) / linesPerPage);
    PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    try (PDDocument doc = new PDDocument()) {
      for (int p = 0; p < pages; p++) {
        PDPage page = new PDPage(PDRectangle.LETTER);
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          cs.beginText();
          cs.setFont(font, 11);
          cs.setLeading(14);
          cs.newLineAtOffset(54, 740);
          if (p > 0) {
            cs.showText(encodable(runningHead));
            cs.newLine();
          }
          for (String line : lines.subList(p * linesPerPage, Math.min(lines.size(), (p + 1) * linesPerPage))) {
            cs.showText(line);
            cs.newLine();
          }
          cs.newLineAtOffset(220, 0);
          cs.showText("Page " + (p + 1) + " of " + pages);
          cs.endText();
        }
      }
      doc.save(out.toFile());
    }
    return pages;
  }

  /** Helvetica's WinAnsi encoding has no glyph outside Latin-1 but a few: those become '?'. */
  private static String encodable(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(c >= 0x20 && c <= 0xFF && c != 0x7F && (c < 0x80 || c >= 0xA0) ? c : '?');
    }
    return sb.toString();
  }
}
