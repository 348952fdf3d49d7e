package org.imrindex.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.imrindex.analysis.AnalysisChain;
import org.imrindex.analysis.MedicalVocabulary;
import org.imrindex.corpus.GeneratedCorpus;
import org.imrindex.index.IngestSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recall and precision of the judged queries ({@code corpus-samples/judged-queries.json}) over the
 * bundled letters, the real letters of {@code corpus-samples/real-letters} and a generated corpus,
 * with the medical analysis and with Lucene's StandardAnalyzer as the baseline. Relevance comes from
 * hand-written patterns over the letters' text (see {@link JudgedQueries}). Writes the side-by-side
 * table to {@code target/judged-queries.md} (docs/judged-queries.md is a copy) and the medical
 * analysis's errors to {@code target/judged-queries-errors.txt}.
 */
class JudgedQueriesTest {

  /** Letters of corpus-samples/letters: 15 samples and 5 real seeds. */
  static final int BUNDLED = 20;

  @TempDir
  static Path tmp;

  static List<JudgedQueries.Judged> judged;
  static List<Path> real;
  static final Map<AnalysisChain, JudgedQueries.Evaluation> RESULTS = new EnumMap<>(AnalysisChain.class);
  static final Map<AnalysisChain, IngestSummary> SUMMARIES = new EnumMap<>(AnalysisChain.class);

  @BeforeAll
  static void buildAndRun() throws IOException, QuerySyntaxException {
    judged = JudgedQueries.load(JudgedQueries.CORPUS.resolve("judged-queries.json"));
    real = JudgedQueries.realLetters();
    Path generated = tmp.resolve("generated");
    GeneratedCorpus.write(generated, JudgedQueries.GENERATED, JudgedQueries.SEED);
    for (AnalysisChain chain : AnalysisChain.values()) {
      Path index = tmp.resolve("index-" + chain.id());
      SUMMARIES.put(chain, JudgedQueries.index(index, JudgedQueries.inputs(generated), chain));
      RESULTS.put(chain, JudgedQueries.evaluate(judged, index, MedicalVocabulary.standard()));
    }
    String title = String.format(Locale.ROOT, "Judged queries over %d bundled, %d real and %,d generated letters (seed %d): "
        + "recall / precision, medical analysis vs StandardAnalyzer.", BUNDLED, real.size(), JudgedQueries.GENERATED, JudgedQueries.SEED);
    Files.writeString(Path.of("target", "judged-queries.md"),
        JudgedQueries.table(title, medical(), standard(), isReal(), real.size()), StandardCharsets.UTF_8);
    Files.writeString(Path.of("target", "judged-queries-errors.txt"), JudgedQueries.errors(RESULTS.get(AnalysisChain.MEDICAL)),
        StandardCharsets.UTF_8);
  }

  static List<JudgedQueries.Result> medical() {
    return RESULTS.get(AnalysisChain.MEDICAL).results();
  }

  static List<JudgedQueries.Result> standard() {
    return RESULTS.get(AnalysisChain.STANDARD).results();
  }

  /** Keys of decisions of the real letters (their ids are their case numbers, the file names). */
  static Predicate<String> isReal() {
    Set<String> ids = real.stream().map(p -> p.getFileName().toString().replace(".txt", "")).collect(Collectors.toSet());
    return key -> ids.contains(key.substring(0, key.lastIndexOf('#')));
  }

  @Test
  void everyLetterIsReadAndNoneIsMergedWithAnother() {
    for (IngestSummary s : SUMMARIES.values()) {
      // the parser reads every real letter of the folder today; one it rejected would be named here
      assertEquals(List.of(), s.rejected());
      assertEquals(BUNDLED + real.size() + JudgedQueries.GENERATED, s.letters());
      assertEquals(0, s.duplicates(), "no file is the same letter as another (a real letter's case number taken by a generated one, say)");
    }
    List<String> missing = new ArrayList<>();
    Set<String> keys = RESULTS.get(AnalysisChain.MEDICAL).items().keySet();
    for (Path p : real) {
      String id = p.getFileName().toString().replace(".txt", "");
      if (keys.stream().noneMatch(k -> k.startsWith(id + "#"))) {
        missing.add(id);
      }
    }
    assertEquals(List.of(), missing, "real letters indexed under their case number");
  }

  @Test
  void everyJudgedQueryHasRelevantDecisions() {
    for (JudgedQueries.Result r : medical()) {
      assertTrue(!r.relevant().isEmpty(), r.query() + " has nothing to find: the judgement is useless");
    }
    // every query of the file was run and judged (71 today), and the file keeps at least 40
    assertEquals(judged.size(), medical().size());
    assertTrue(medical().size() >= 40, "at least 40 judged queries");
  }

  @Test
  void theRealLettersAreJudgedToo() {
    Predicate<String> real = isReal();
    List<String> without = new ArrayList<>();
    for (String cls : List.of("item:opioid", "item:benzodiazepine", "item:\"muscle relaxant\"", "item:NSAID", "item:PPI",
        "item:anticonvulsant", "item:antidepressants", "text:NSAID", "text:MRI")) {
      if (RESULTS.get(AnalysisChain.MEDICAL).of(cls).relevant().stream().noneMatch(real)) {
        without.add(cls);
      }
    }
    assertEquals(List.of(), without, "queries with no relevant decision in a real letter");
  }

  @Test
  void conceptQueriesFindEveryRelevantDecisionButTheKnownMisses() {
    assertEquals(List.of(), JudgedQueries.unexpectedMisses(medical()));
  }

  @Test
  void knownMissesAreStillMissed() {
    assertEquals(List.of(), JudgedQueries.staleKnownMisses(medical()));
  }

  @Test
  void overallPrecisionIsAtLeast95Percent() {
    JudgedQueries.Totals t = JudgedQueries.totals(medical(), k -> true);
    assertTrue(t.precision() >= JudgedQueries.MIN_PRECISION, "precision " + t.precision());
  }

  @Test
  void theJudgedCheckPasses() {
    assertEquals(List.of(), JudgedQueries.failures(medical()));
  }

  @Test
  void medicalAnalysisFindsAtLeastWhatTheBaselineFinds() {
    for (int i = 0; i < medical().size(); i++) {
      JudgedQueries.Result m = medical().get(i);
      JudgedQueries.Result s = standard().get(i);
      assertTrue(m.correct() >= s.correct(), m.query() + ": medical finds " + m.correct() + ", baseline " + s.correct());
    }
  }
}
