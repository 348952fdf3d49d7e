package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.imrindex.corpus.GeneratedCorpus;
import org.imrindex.schema.IndexField;
import org.imrindex.query.IndexStats;
import org.imrindex.index.IndexVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 at several moments of an ingest: the index stays at a clean commit and a rerun completes it exactly. */
class CrashRecoveryTest {

  @TempDir
  Path tmp;

  @Test
  void killedMidRunTheIndexStaysCleanAndARerunCompletesItExactly() throws Exception {
    Path corpus = tmp.resolve("corpus");
    GeneratedCorpus.Manifest m = GeneratedCorpus.write(corpus, 4000, 77);
    Path index = tmp.resolve("index");
    List<Long> seen = new ArrayList<>();
    for (long killAfter : new long[] {900, 1800, 2700, 3600}) {
      Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Imr.class.getName(),
          "index", "--index", index.toString(), "--commit-every", "150", "--commit-seconds", "1", "--threads", "2",
          "--quiet", corpus.toString())
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      Thread.sleep(killAfter);
      p.destroyForcibly();
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
      if (!DirectoryReader.indexExists(FSDirectory.open(index))) {
        seen.add(0L);
        continue;
      }
      assertTrue(IndexVerifier.verify(index).clean(), "not clean after a kill at " + killAfter + " ms");
      long letters = checkNoDuplicates(index);
      assertTrue(letters <= 4000);
      assertTrue(seen.isEmpty() || letters >= seen.get(seen.size() - 1), "letters went back: " + seen + " then " + letters);
      seen.add(letters);
    }
    assertTrue(seen.stream().anyMatch(n -> n > 0 && n < 4000), "no kill landed mid-run: " + seen);

    Fixtures.Run rerun = Fixtures.imr("index", "--index", index.toString(), "--quiet", corpus.toString());
    assertEquals(0, rerun.exit(), rerun.err());
    IndexStats s = IndexStats.read(index);
    assertEquals(4000, s.letters());
    assertEquals(m.decisions(), s.decisions());
    assertEquals(m.upheld(), s.upheld());
    assertEquals(4000, checkNoDuplicates(index));
    assertTrue(IndexVerifier.verify(index).clean());
  }

  /** Letter documents have distinct ids, and every decision belongs to a letter present; returns the letters. */
  private static long checkNoDuplicates(Path index) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      Set<String> letterIds = ids(reader, IndexField.LETTER);
      Set<String> decisionIds = ids(reader, IndexField.DECISION);
      IndexSearcher searcher = new IndexSearcher(reader);
      int letterDocs = searcher.count(new TermQuery(new Term(IndexField.TYPE.fieldName(), IndexField.LETTER)));
      assertEquals(letterDocs, letterIds.size(), "a letter is in the index twice");
      assertTrue(letterIds.containsAll(decisionIds), "decisions without their letter");
      return letterDocs;
    }
  }

  private static Set<String> ids(DirectoryReader reader, String type) throws IOException {
    Set<String> out = new HashSet<>();
    IndexSearcher searcher = new IndexSearcher(reader);
    TermQuery q = new TermQuery(new Term(IndexField.TYPE.fieldName(), type));
    for (LeafReaderContext leaf : reader.leaves()) {
      var scorer = searcher.createWeight(searcher.rewrite(q), org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES, 1)
          .scorer(leaf);
      if (scorer == null) {
        continue;
      }
      SortedDocValues dv = leaf.reader().getSortedDocValues(IndexField.LETTER_ID.fieldName());
      Bits live = leaf.reader().getLiveDocs();
      DocIdSetIterator it = scorer.iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if ((live == null || live.get(doc)) && dv.advanceExact(doc)) {
          out.add(dv.lookupOrd(dv.ordValue()).utf8ToString());
        }
      }
    }
    return out;
  }
}
