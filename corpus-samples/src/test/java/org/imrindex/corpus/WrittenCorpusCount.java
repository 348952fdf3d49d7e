package org.imrindex.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a written corpus holds, counted from the letter files' text alone with plain patterns (not
 * with the generator's own record of what it wrote): the truth a manifest is checked against.
 *
 * <p>Every generated item's rationale ends "Therefore, the request is [not] medically necessary.",
 * in all four layouts; hard line wraps and page furniture (footers, form feeds, running case
 * numbers) are undone first, so a sentence split over a page break is still counted once.
 */
record WrittenCorpusCount(int letters, int upheld, int overturned, long bytes, Map<String, Integer> byLayout) {

  private static final Pattern FURNITURE = Pattern.compile("(?m)^(?:Page \\d+ of \\d+|CM\\d{2}-\\d{7}|\f)?[ \t]*$");
  private static final Pattern UPHELD = Pattern.compile("Therefore, the request is not medically necessary\\.");
  private static final Pattern OVERTURNED = Pattern.compile("Therefore, the request is medically necessary\\.");

  int decisions() {
    return upheld + overturned;
  }

  static WrittenCorpusCount of(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
    }
    int upheld = 0;
    int overturned = 0;
    long bytes = 0;
    Map<String, Integer> byLayout = new TreeMap<>();
    for (Path f : files) {
      byte[] raw = Files.readAllBytes(f);
      bytes += raw.length;
      String text = new String(raw, StandardCharsets.UTF_8);
      String prose = FURNITURE.matcher(text).replaceAll("").replaceAll("\\s+", " ");
      upheld += count(UPHELD, prose);
      overturned += count(OVERTURNED, prose);
      byLayout.merge(layout(text), 1, Integer::sum);
    }
    return new WrittenCorpusCount(files.size(), upheld, overturned, bytes, byLayout);
  }

  /** The layout by its headings, as a reader tells them apart. */
  private static String layout(String text) {
    if (text.startsWith("MEDICAL PROFESSIONAL REVIEW\n")) {
      return "professional-review";
    }
    if (text.contains("\nDOCUMENTS REVIEWED\n")) {
      return "documents-reviewed";
    }
    // the compact letters' cover, or the real letters' header block of the real-size ones
    return text.startsWith("IMR Case Number: ") || text.startsWith("Case Number: ") ? "cover" : "standard";
  }

  private static int count(Pattern p, String text) {
    int n = 0;
    for (Matcher m = p.matcher(text); m.find(); ) {
      n++;
    }
    return n;
  }
}
