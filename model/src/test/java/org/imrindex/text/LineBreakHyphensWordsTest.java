package org.imrindex.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The plain scan of a document's words finds what the pattern it replaced found. */
class LineBreakHyphensWordsTest {

  /** The pattern the vocabulary was read with before the scan: the expected words. */
  private static final Pattern WORD = Pattern.compile("\\p{L}+(?:-\\p{L}+)*");

  private static Set<String> byPattern(String text) {
    Set<String> out = new HashSet<>();
    for (Matcher m = WORD.matcher(text); m.find(); ) {
      out.add(m.group().toLowerCase(Locale.ROOT));
    }
    return out;
  }

  @Test
  void edgeCasesReadAsThePatternReadsThem() {
    for (String text : List.of("", "-", "a", "long-term", "long--term", "long-", "-term", "a-b-c-", "x-1", "electro-\nmyography",
        "Non-MTUS, self-care; 10-28-2016", "café-crème Straße", "ǅemal", "\uD835\uDC00\uD835\uDC01-b", "\uD800-a", "a-\uDC00",
        "İstanbul ΣΊΣΥΦΟΣ")) {
      assertEquals(byPattern(text), LineBreakHyphens.words(text), text);
    }
  }

  @Test
  void theBundledRealLettersGiveTheSameWords() throws IOException {
    Path letters = Path.of("..", "corpus-samples", "real-letters");
    List<Path> files;
    try (Stream<Path> s = Files.walk(letters)) {
      files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    assertTrue(files.size() > 10, files.size() + " letters in " + letters.toAbsolutePath());
    for (Path f : files) {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      assertEquals(byPattern(text), LineBreakHyphens.words(text), f.toString());
    }
  }
}
