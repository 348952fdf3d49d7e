package org.imrindex.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps the PDF benchmark working: every rendered letter comes back through Tika; it times nothing. */
class PdfBenchmarkSmokeTest {

  @TempDir
  Path dir;

  @Test
  void aTinyRunIndexesEveryRenderedPdf() throws Exception {
    // run() fails with WrongAnswer unless every PDF gave its letter and all its generated decisions
    PdfBenchmark.Result r = PdfBenchmark.run(dir, 12, 3, 2, 9, false);
    assertEquals(12, r.letters());
    assertEquals(12, r.indexed());
    // the pages, counted by opening each rendered PDF
    List<Path> pdfs;
    try (var s = Files.list(dir.resolve("pdf-12-3-9lines"))) {
      pdfs = s.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
    }
    assertEquals(12, pdfs.size());
    long pages = 0;
    for (Path pdf : pdfs) {
      try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
        pages += doc.getNumberOfPages();
      }
    }
    assertEquals(pages, r.pages());
    assertTrue(pages > 24, "9 lines a page spread each letter over several pages: " + pages);
    assertTrue(r.json().startsWith("{\"benchmark\":\"pdf\",\"threads\":2,\"letters\":12,\"indexed\":12,\"pages\":" + pages + ","), r.json());
    assertTrue(r.table().contains("baseline: pdftotext is not installed"), r.table());
  }
}
