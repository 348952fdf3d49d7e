package org.imrindex.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps the PDF benchmark working: every rendered letter comes back through Tika; it times nothing. */
class PdfBenchmarkSmokeTest {

  @TempDir
  Path dir;

  @Test
  void aTinyRunIndexesEveryRenderedPdf() throws Exception {
    PdfBenchmark.Result r = PdfBenchmark.run(dir, 12, 3, 2, 9, false);
    assertEquals(12, r.letters());
    assertEquals(12, r.indexed());
    assertTrue(r.pages() > 24, "9 lines a page spread each letter over several pages: " + r.pages());
    assertTrue(r.json().startsWith("{\"benchmark\":\"pdf\",\"threads\":2,\"letters\":12,\"indexed\":12,"), r.json());
    assertTrue(r.table().contains("baseline: pdftotext is not installed"), r.table());
  }
}
