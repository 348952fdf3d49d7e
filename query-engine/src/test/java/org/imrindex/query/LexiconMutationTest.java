package org.imrindex.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.imrindex.analysis.AnalysisChain;
import org.imrindex.analysis.MedicalVocabulary;
import org.imrindex.corpus.GeneratedCorpus;
import org.imrindex.lexicon.DrugLexicon;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The judged queries can fail for a lexicon error: with one drug taken out of a copy of
 * {@code drugs.txt} on the query side only (the index is built normally, the parser still knows the
 * drug), the judged check fails, and fails for that drug's class alone. What the judged queries
 * measure is the query-side synonyms, not the parser's drug classes.
 */
class LexiconMutationTest {

  /** Temazepam, a benzodiazepine, and Restoril, its brand: how a pharmacist would spot their lines. */
  private static final Pattern TEMAZEPAM = Pattern.compile("(?i)(?<![a-z])(temazepam|restoril)(?![a-z])");
  private static final List<String> BENZODIAZEPINE_QUERIES = List.of("item:benzodiazepine", "item:benzodiazepines", "item:benzo");
  /** The bare word: it finds fewer decisions too, but its kind ("bare word") has no complete-recall check. */
  private static final String BARE_BENZODIAZEPINE = "benzodiazepine";

  @TempDir
  static Path tmp;

  static List<JudgedQueries.Judged> judged;
  static Path index;
  static String drugs;

  @BeforeAll
  static void buildIndex() throws IOException {
    judged = JudgedQueries.load(JudgedQueries.CORPUS.resolve("judged-queries.json"));
    Path generated = tmp.resolve("generated");
    GeneratedCorpus.write(generated, JudgedQueries.GENERATED, JudgedQueries.SEED);
    index = tmp.resolve("index");
    assertEquals(List.of(), JudgedQueries.index(index, JudgedQueries.inputs(generated), AnalysisChain.MEDICAL).rejected());
    try (InputStream in = DrugLexicon.class.getResourceAsStream("drugs.txt")) {
      drugs = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The vocabulary of the lexicon written to {@code file} (a copy of drugs.txt, changed or not). */
  private static MedicalVocabulary vocabularyOf(Path file) throws IOException {
    return MedicalVocabulary.of(DrugLexicon.parse(Files.readString(file, StandardCharsets.UTF_8)));
  }

  @Test
  void anUnchangedCopyOfTheLexiconPasses() throws IOException, QuerySyntaxException {
    // the same path as the mutation below, without the mutation: a vocabulary built from a file
    Path copy = Files.writeString(tmp.resolve("drugs-copy.txt"), drugs, StandardCharsets.UTF_8);
    JudgedQueries.Evaluation e = JudgedQueries.evaluate(judged, index, vocabularyOf(copy));
    assertEquals(List.of(), JudgedQueries.failures(e.results()));
  }

  @Test
  void withoutTemazepamTheBenzodiazepineQueriesFail() throws IOException, QuerySyntaxException {
    List<String> kept = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    for (String line : drugs.split("\n", -1)) {
      // a product line whose name is temazepam or Restoril (column 1)
      (!line.startsWith("#") && line.contains("|") && TEMAZEPAM.matcher(line.substring(0, line.indexOf('|'))).find() ? removed : kept).add(line);
    }
    assertEquals(2, removed.size(), "the generic and its brand: " + removed);
    Path mutated = Files.writeString(tmp.resolve("drugs-without-temazepam.txt"), String.join("\n", kept), StandardCharsets.UTF_8);

    JudgedQueries.Evaluation normal = JudgedQueries.evaluate(judged, index, MedicalVocabulary.standard());
    JudgedQueries.Evaluation without = JudgedQueries.evaluate(judged, index, vocabularyOf(mutated));

    // the judged check fails, on the benzodiazepine class queries and on nothing else
    List<String> failures = JudgedQueries.failures(without.results());
    Files.writeString(Path.of("target", "lexicon-mutation.txt"), "judged check without " + removed + ":\n"
        + String.join("\n", failures) + "\n", StandardCharsets.UTF_8);
    assertFalse(failures.isEmpty(), "the judged check must fail without temazepam");
    assertEquals(BENZODIAZEPINE_QUERIES, failures.stream().map(f -> f.substring(0, f.indexOf(" finds "))).toList(), failures.toString());
    for (String q : BENZODIAZEPINE_QUERIES) {
      JudgedQueries.Result r = without.of(q);
      assertTrue(r.recall() < 1, q + " recall " + r.recall());
      // what is missed is exactly the temazepam and Restoril requests the full lexicon finds
      assertFalse(r.missed().isEmpty());
      for (String k : r.missed()) {
        assertTrue(TEMAZEPAM.matcher(without.items().get(k)).find(), q + " misses " + k + " " + without.items().get(k));
      }
      assertEquals(1.0, normal.of(q).recall(), q);
    }
    assertEquals(1.0, normal.of(BARE_BENZODIAZEPINE).recall());
    assertTrue(without.of(BARE_BENZODIAZEPINE).recall() < 1, "the bare word loses the temazepam decisions too");
    // every other query finds what it finds with the full lexicon
    for (JudgedQueries.Result r : normal.results()) {
      if (!BENZODIAZEPINE_QUERIES.contains(r.query()) && !r.query().equals(BARE_BENZODIAZEPINE)) {
        assertEquals(r, without.of(r.query()), r.query());
      }
    }
  }
}
