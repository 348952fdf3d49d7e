package org.imrindex.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(List.of(".manifest.json", "0000", "0001"), s.map(p -> p.getFileName().toString()).sorted().toList());
    }
    try (Stream<Path> s = Files.list(dir.resolve("0001"))) {
      assertEquals(List.of("gen-001001.txt", "gen-001002.txt", "gen-001003.txt", "gen-001004.txt", "gen-001005.txt"),
          s.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertTrue(Files.exists(dir.resolve("0000/gen-000001.txt")));
    assertTrue(Files.exists(dir.resolve("0000/gen-001000.txt")));

    // the totals, counted in the written files' text (not taken from the generator)
    WrittenCorpusCount truth = WrittenCorpusCount.of(dir);
    assertEquals(1005, truth.letters());
    JsonNode manifest = new ObjectMapper().readTree(dir.resolve(GeneratedCorpus.MANIFEST).toFile());
    assertEquals(List.of("seed", "letters", "decisions", "upheld", "overturned", "bytes", "byLayout"), fieldNames(manifest));
    assertEquals(9, manifest.get("seed").asLong());
    assertEquals(truth.letters(), manifest.get("letters").asInt());
    assertEquals(truth.decisions(), manifest.get("decisions").asInt());
    assertEquals(truth.upheld(), manifest.get("upheld").asInt());
    assertEquals(truth.overturned(), manifest.get("overturned").asInt());
    assertEquals(truth.bytes(), manifest.get("bytes").asLong());
    Map<String, Integer> byLayout = new TreeMap<>();
    manifest.get("byLayout").fields().forEachRemaining(e -> byLayout.put(e.getKey(), e.getValue().asInt()));
    assertEquals(truth.byLayout(), byLayout);
    // and the returned manifest says the same
    assertEquals(new GeneratedCorpus.Manifest(9, truth.letters(), truth.decisions(), truth.upheld(), truth.bytes(), truth.byLayout()), m);
  }

  @Test
  void theIndependentCountReadsAllFourLayoutsAndPageBreaks() throws IOException {
    // 25 letters of seed 3, counted once by hand with grep over the files (page furniture lines
    // dropped, lines joined) and wc -c: 13 standard, 5 cover, 4 documents-reviewed, 3
    // professional-review; 35 rationales end "not medically necessary.", 6 "medically necessary."
    GeneratedCorpus.write(dir, 25, 3);
    WrittenCorpusCount c = WrittenCorpusCount.of(dir);
    assertEquals(new WrittenCorpusCount(25, 35, 6, 41_634,
        Map.of("cover", 5, "documents-reviewed", 4, "professional-review", 3, "standard", 13)), c);
    // a rationale split by a page break (footer, form feed, running case number) still counts once
    Path split = Files.createDirectories(dir.resolve("split"));
    Files.writeString(split.resolve("a.txt"), "MEDICAL PROFESSIONAL REVIEW\nDecision rationale: Therefore, the request \n\n"
        + "Page 1 of 2\n\f\nCM13-0000001\n\nis not medically necessary.\n\nTherefore, the request is medically \n\nnecessary.\n",
        StandardCharsets.UTF_8);
    WrittenCorpusCount one = WrittenCorpusCount.of(split);
    assertEquals(List.of(1, 1, Map.of("professional-review", 1)), List.of(one.upheld(), one.overturned(), one.byLayout()));
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
