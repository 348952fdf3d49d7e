package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.imrindex.corpus.GeneratedCorpus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output does not depend on the user's locale: numbers are grouped with commas and written with
 * ASCII digits under a German default locale (where {@code %,d} alone gives "1.177") and under one
 * with native digits.
 */
class LocaleIndependenceTest {

  /** Thai with Thai digits: {@code %d} alone prints 12 as "๑๒". */
  private static final Locale NATIVE_DIGITS = Locale.forLanguageTag("th-TH-u-nu-thai");

  @TempDir
  static Path shared;

  @TempDir
  Path tmp;

  private static GeneratedCorpus.Manifest manifest;
  private static Path index;

  private final Locale before = Locale.getDefault();

  /** Over a thousand decisions, so counts need a grouping separator. */
  @BeforeAll
  static void indexAGeneratedCorpus() throws IOException {
    Path letters = shared.resolve("letters");
    manifest = GeneratedCorpus.write(letters, 700, 42);
    assertTrue(manifest.decisions() >= 1000, "decisions: " + manifest.decisions());
    index = shared.resolve("index");
    Fixtures.Run run = Fixtures.imr("index", "--index", index.toString(), "--quiet", letters.toString());
    assertEquals(0, run.exit(), run.err());
  }

  @AfterEach
  void restoreTheLocale() {
    Locale.setDefault(before);
  }

  @Test
  void exportCountsWithCommasUnderAGermanLocale() {
    Locale.setDefault(Locale.GERMANY);
    Path csv = tmp.resolve("all.csv");
    Fixtures.Run run = Fixtures.imr("export", "--index", index.toString(), "--format", "csv", "--out", csv.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals("imr: " + grouped(manifest.decisions()) + " decisions written to " + csv + "\n", run.err());
  }

  @Test
  void statsCountsWithCommasUnderAGermanLocale() {
    Locale.setDefault(Locale.GERMANY);
    Fixtures.Run run = Fixtures.imr("stats", "--index", index.toString());
    assertEquals(0, run.exit(), run.err());
    List<String> lines = run.out().lines().toList();
    int d = manifest.decisions();
    int up = manifest.upheld();
    assertEquals(String.format(Locale.ROOT, "letters      %12s   with parse warnings 0 (0 decisions)", "700"), lines.get(0));
    assertEquals(String.format(Locale.ROOT, "decisions    %12s   upheld %s (%s%%), overturned %s", grouped(d), grouped(up),
        oneDecimal(100.0 * up / d), grouped(d - up)), lines.get(1));
    assertTrue(lines.get(2).matches("index size +\\d{1,3}(,\\d{3})+ bytes"), lines.get(2));
    assertTrue(lines.get(3).matches("last commit  \\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z   \\(imr [^)]+\\)"), lines.get(3));
    assertEquals(String.format(Locale.ROOT, "  %-18s %8s", "outcome", "2"), lines.get(5));
  }

  @Test
  void extractTextIsTheSameUnderAGermanLocaleAndUnderNativeDigits() {
    String letter = Fixtures.corpus().resolve("letters/seeds/003_1bf899ffda0acde2.txt").toString();
    String expected = "== " + letter + "\n"
        + "  case      -   layout standard\n"
        + "  patient   60 y, female, injured 2010-08-07\n"
        + "  reviewer  Physical Medicine and Rehabilitation (Sports Medicine)\n"
        + "  licensed  NY, TX\n"
        + "  1. upheld      Norco 10/325mg#120\n"
        + "     pharmaceutical | hydrocodone/acetaminophen (opioid) qty 120 | MTUS p. 74-82 | MTUS\n"
        + "  2. upheld      Fexmid 7.5mg #60\n"
        + "     pharmaceutical | cyclobenzaprine (muscle_relaxant) qty 60 | MTUS p. 63-66 | MTUS\n"
        + "\n";
    for (Locale l : List.of(Locale.ROOT, Locale.GERMANY, NATIVE_DIGITS)) {
      Locale.setDefault(l);
      Fixtures.Run run = Fixtures.imr("extract", "--format", "text", letter);
      assertEquals(0, run.exit(), run.err());
      assertEquals(expected, run.out(), "under " + l);
    }
  }

  @Test
  void controlCharactersInFileNamesAreEscapedTheSameUnderNativeDigits() {
    Locale.setDefault(NATIVE_DIGITS);
    assertEquals("a\\x1bb\\x07", Terminal.escape("a\u001bb\u0007"));
  }

  @Test
  void theProgressBarsSpeedIsWrittenTheSameUnderAGermanLocale() {
    Locale.setDefault(Locale.GERMANY);
    assertEquals("1,234.5", Progress.speedFormat().format(1234.5));
  }

  @Test
  void theDemoPrintsTheSameUnderAGermanLocale() {
    Locale.setDefault(Locale.GERMANY);
    Path ix = tmp.resolve("demo-index");
    Fixtures.Run run = Fixtures.imr("demo", "--letters", Fixtures.corpus().resolve("letters").toString(), "--index", ix.toString());
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("uphold rate by drug_class: 47 decisions, 32 upheld, 68.1% [95% CI 53.8-79.6]\n"), run.out());
  }

  private static String grouped(long n) {
    String digits = Long.toString(n);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % 3 == 0) {
        sb.append(',');
      }
      sb.append(digits.charAt(i));
    }
    return sb.toString();
  }

  private static String oneDecimal(double v) {
    long tenths = Math.round(v * 10);
    return tenths / 10 + "." + tenths % 10;
  }
}
