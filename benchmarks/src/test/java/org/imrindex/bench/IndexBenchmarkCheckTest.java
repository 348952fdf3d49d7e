package org.imrindex.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imrindex.analysis.AnalysisChain;
import org.imrindex.corpus.GeneratedCorpus;
import org.imrindex.index.IngestListener;
import org.imrindex.index.IngestRequest;
import org.imrindex.index.IngestSummary;
import org.imrindex.index.Ingester;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index benchmark's ground-truth check passes on a right index and fails the run on a wrong truth. */
class IndexBenchmarkCheckTest {

  @TempDir
  static Path dir;

  static Path index;
  static IngestSummary summary;

  @BeforeAll
  static void indexAGeneratedCorpus() throws Exception {
    Path corpus = dir.resolve("corpus");
    GeneratedCorpus.write(corpus, 30, 5);
    index = dir.resolve("index");
    summary = new Ingester(IngestRequest.defaults(index, List.of(corpus), 1, AnalysisChain.MEDICAL), IngestListener.NONE).run();
  }

  @Test
  void aCachedCorpusIsReusedUnlessAnOlderGeneratorWroteIt() throws Exception {
    Path cache = dir.resolve("cache");
    Path corpus = IndexBenchmark.corpus(cache, 20, 5);
    Path letter = corpus.resolve("0000/gen-000001.txt");
    String first = Files.readString(letter);
    Path marker = Files.writeString(corpus.resolve("0000/marker.txt"), "kept");
    assertEquals(corpus, IndexBenchmark.corpus(cache, 20, 5));
    assertTrue(Files.exists(marker), "an up-to-date corpus is used as it is");

    // what a corpus written before the generator changed looks like: other letters, other totals
    Files.writeString(letter, "an older letter");
    Path manifest = corpus.resolve(GeneratedCorpus.MANIFEST);
    Files.writeString(manifest, Files.readString(manifest).replace("\"letters\": 20", "\"letters\": 20, \"old\": 1"));
    IndexBenchmark.corpus(cache, 20, 5);
    assertEquals(first, Files.readString(letter));
    assertEquals(GeneratedCorpus.totals(20, 5).toJson(), Files.readString(manifest));
    assertFalse(Files.exists(marker), "a stale corpus is written again from scratch");
  }

  @Test
  void theRightIndexPasses() throws Exception {
    IndexBenchmark.GroundTruth truth = IndexBenchmark.GroundTruth.of(30, 5);
    IndexBenchmark.checkIngest("imr index", summary, 30, truth);
    IndexBenchmark.checkIndex(index, 30, truth);
    assertEquals(truth.byDrugClass(), IndexBenchmark.reportByClass(index));
  }

  @Test
  void aWrongGroundTruthFailsTheRunAndSaysWhere() throws Exception {
    IndexBenchmark.GroundTruth right = IndexBenchmark.GroundTruth.of(30, 5);
    Map<String, List<Long>> classes = new HashMap<>(right.byDrugClass());
    String first = classes.keySet().stream().sorted().findFirst().orElseThrow();
    List<Long> c = classes.get(first);
    classes.put(first, List.of(c.get(0) + 1, c.get(1)));
    IndexBenchmark.GroundTruth wrong = new IndexBenchmark.GroundTruth(right.decisions() + 1, right.upheld(), classes);

    WrongAnswer e = assertThrows(WrongAnswer.class, () -> IndexBenchmark.checkIndex(index, 30, wrong));
    assertEquals(List.of(
        "index: decisions: expected " + (right.decisions() + 1) + ", got " + right.decisions(),
        "index: report --by drug_class [decisions, upheld] [" + first + "]: expected [" + (c.get(0) + 1) + ", " + c.get(1)
            + "], got " + c), e.differences());
    assertEquals(List.of("imr index: letters: expected 31, got 30", "imr index: decisions: expected " + (right.decisions() + 1) + ", got "
        + right.decisions()), assertThrows(WrongAnswer.class, () -> IndexBenchmark.checkIngest("imr index", summary, 31, wrong)).differences());
    // what bin/bench does with it: status 1
    assertEquals(1, AnswerCheck.run(() -> IndexBenchmark.checkIndex(index, 30, wrong), new java.io.PrintStream(java.io.OutputStream.nullOutputStream())));
  }
}
