package org.imrindex.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LetterGeneratorTest {

  @TempDir
  Path dir;

  @Test
  void theSameSeedGivesTheSameLetters() {
    LetterGenerator a = new LetterGenerator(11);
    LetterGenerator b = new LetterGenerator(11);
    for (int i = 0; i < 50; i++) {
      assertEquals(a.next(), b.next());
    }
  }

  @Test
  void anotherSeedGivesOtherLetters() {
    assertNotEquals(new LetterGenerator(1).next().text(), new LetterGenerator(2).next().text());
  }

  @Test
  void mixesLayoutsAndOutcomesLikeThePublicCorpus() {
    LetterGenerator g = new LetterGenerator(5);
    java.util.Map<String, Integer> layouts = new java.util.TreeMap<>();
    int items = 0;
    int upheld = 0;
    for (int i = 0; i < 2000; i++) {
      GeneratedLetter l = g.next();
      layouts.merge(l.layout(), 1, Integer::sum);
      items += l.items().size();
      upheld += (int) l.items().stream().filter(GeneratedLetter.Item::upheld).count();
    }
    assertEquals(java.util.Set.of("cover", "documents-reviewed", "professional-review", "standard"), layouts.keySet());
    double perLetter = items / 2000.0;
    double upheldShare = upheld / (double) items;
    assertTrue(perLetter > 1.4 && perLetter < 1.9, "decisions per letter " + perLetter);
    assertTrue(upheldShare > 0.85 && upheldShare < 0.93, "upheld share " + upheldShare);
  }

  @Test
  void writesLettersInFoldersOfAThousandWithAManifestOfTheTotals() throws IOException {
    GeneratedCorpus.Manifest m = GeneratedCorpus.write(dir, 1005, 9);
    assertEquals(1005, m.letters());
    try (Stream<Path> s = Files.walk(dir)) {
      assertEquals(1005, s.filter(p -> p.toString().endsWith(".txt")).count());
    }
    assertTrue(Files.exists(dir.resolve("0000/gen-001000.txt")));
    assertTrue(Files.exists(dir.resolve("0001/gen-001001.txt")));
    LetterGenerator again = new LetterGenerator(9);
    int decisions = 0;
    long bytes = 0;
    for (int i = 0; i < 1005; i++) {
      GeneratedLetter l = again.next();
      decisions += l.items().size();
      bytes += l.text().getBytes(StandardCharsets.UTF_8).length;
    }
    assertEquals(decisions, m.decisions());
    assertEquals(bytes, m.bytes());
    assertEquals(m.toJson(), Files.readString(dir.resolve(GeneratedCorpus.MANIFEST)));
  }
}
