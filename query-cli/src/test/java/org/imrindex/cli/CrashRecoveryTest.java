package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.imrindex.analysis.AnalysisChain;
import org.imrindex.corpus.GeneratedCorpus;
import org.imrindex.index.IndexVerifier;
import org.imrindex.index.IngestListener;
import org.imrindex.index.IngestRequest;
import org.imrindex.index.Ingester;
import org.imrindex.index.Rejection;
import org.imrindex.parse.IsolatedParser;
import org.imrindex.query.IndexStats;
import org.imrindex.schema.IndexField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of an ingest at several points after a new commit: the index stays at a clean commit and
 * a rerun completes it exactly.
 *
 * <p>The kills wait for events, not for a clock: the child ({@link HeldIngest}) runs a real ingest
 * with two threads and stops every ingest thread once it has committed and written a few more
 * files, then says so on stdout; the test checks that the index folder holds a new commit and kills
 * it. A kill therefore always lands after a new commit and before the run could finish, however
 * fast or slow the machine. The only clock is {@link #BROKEN}, a bound that fires when the child is
 * stuck.
 */
class CrashRecoveryTest {

  private static final int LETTERS = 1500;
  private static final int COMMIT_EVERY = 50;
  /**
   * Files the child writes after its first new commit before it holds, one per kill: 0 holds inside
   * the commit; the others leave uncommitted documents (and perhaps a second commit under way) to lose.
   * A round writes at most COMMIT_EVERY + HOLD_AFTER + 2 new files, far fewer than there are.
   */
  private static final int[] HOLD_AFTER = {0, 1, 23, 120};
  /** Longest wait for a child to commit and hold; only a broken child takes that long. */
  private static final Duration BROKEN = Duration.ofMinutes(5);

  @TempDir
  Path tmp;

  @Test
  void killedMidRunTheIndexStaysCleanAndARerunCompletesItExactly() throws Exception {
    Path corpus = tmp.resolve("corpus");
    GeneratedCorpus.Manifest m = GeneratedCorpus.write(corpus, LETTERS, 77);
    Path index = tmp.resolve("index");
    List<Long> seen = new ArrayList<>();
    for (int round = 0; round < HOLD_AFTER.length; round++) {
      long generationBefore = lastCommitGeneration(index);
      Path log = tmp.resolve("child-" + round + ".log");
      Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "--enable-native-access=ALL-UNNAMED", "-Xmx512m", "-cp", System.getProperty("java.class.path"),
          HeldIngest.class.getName(), index.toString(), corpus.toString(), String.valueOf(COMMIT_EVERY),
          String.valueOf(HOLD_AFTER[round]))
          .redirectError(log.toFile()).start();
      String said;
      try {
        said = Fixtures.firstLine(p, BROKEN);
        long generation = lastCommitGeneration(index);
        assertTrue(generation > generationBefore,
            "round " + round + ": the child held, but the index has no new commit (" + generationBefore + " -> " + generation + ")");
      } finally {
        p.destroyForcibly();
        assertTrue(p.waitFor(BROKEN.toMinutes(), TimeUnit.MINUTES), "round " + round + ": the child outlived kill -9");
      }
      String context = "round " + round + ": child said " + said + ", exit " + p.exitValue() + ", stderr:\n" + Files.readString(log);
      assertTrue(said != null && said.startsWith(HeldIngest.HELD), context);
      assertEquals(128 + 9, p.exitValue(), "killed by SIGKILL, not ended by itself; " + context);

      try (Directory dir = FSDirectory.open(index)) {
        assertTrue(DirectoryReader.indexExists(dir), context);
      }
      assertTrue(IndexVerifier.verify(index).clean(), "not clean after the kill; " + context);
      long letters = checkNoDuplicates(index);
      assertTrue(letters < LETTERS, "the run was complete when it was killed: " + letters + "; " + context);
      long before = seen.isEmpty() ? 0 : seen.get(seen.size() - 1);
      assertTrue(letters >= before + COMMIT_EVERY, "a new commit holds at least " + COMMIT_EVERY + " new letters: " + seen
          + " then " + letters + "; " + context);
      seen.add(letters);
    }

    Fixtures.Run rerun = Fixtures.imr("index", "--index", index.toString(), "--quiet", corpus.toString());
    assertEquals(0, rerun.exit(), rerun.err());
    IndexStats s = IndexStats.read(index);
    assertEquals(LETTERS, s.letters());
    assertEquals(m.decisions(), s.decisions());
    assertEquals(m.upheld(), s.upheld());
    assertEquals(LETTERS, checkNoDuplicates(index));
    assertTrue(IndexVerifier.verify(index).clean());
  }

  /**
   * The child: ingests a folder with two threads, committing every N letters, and holds every ingest
   * thread once it has committed and then finished K more files; prints {@link #HELD} and waits for
   * stdin to close (the test kills it first). If the run ends before that, it prints {@link #FINISHED}.
   * Arguments: index, folder, N, K.
   */
  public static final class HeldIngest implements IngestListener {

    static final String HELD = "held";
    static final String FINISHED = "finished before holding";

    private final PrintStream out;
    private final int holdAfter;
    private int total;
    private int done;
    /** Files done since the first commit of this run, or -1 before it. */
    private int sinceCommit = -1;

    HeldIngest(PrintStream out, int holdAfter) {
      this.out = out;
      this.holdAfter = holdAfter;
    }

    public static void main(String[] args) throws IOException {
      PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
      HeldIngest listener = new HeldIngest(out, Integer.parseInt(args[3]));
      new Ingester(new IngestRequest(Path.of(args[0]), List.of(Path.of(args[1])), 2, Integer.parseInt(args[2]),
          Duration.ofDays(1), IsolatedParser.Options.defaults(), AnalysisChain.MEDICAL), listener).run();
      out.println(FINISHED);
    }

    @Override
    public synchronized void started(int total) {
      this.total = total;
    }

    @Override
    public synchronized void fileDone(Path file, FileOutcome outcome, Rejection rejection) {
      done++;
      if (sinceCommit >= 0 && ++sinceCommit >= holdAfter && done < total) {
        hold();
      }
    }

    @Override
    public synchronized void committed(int lettersSoFar) {
      // the final commit comes after every file: holding there (or after the last file) would not be mid-run
      if (sinceCommit < 0 && done < total) {
        sinceCommit = 0;
        if (holdAfter == 0) {
          hold();
        }
      }
    }

    /** Says so and keeps the monitor: every ingest thread stops at its next file or commit. */
    private void hold() {
      out.println(HELD + " after " + done + " of " + total + " files");
      try {
        System.in.transferTo(OutputStream.nullOutputStream());
      } catch (IOException ignored) {
        // the test is gone: end as if killed
      }
      Runtime.getRuntime().halt(1);
    }
  }


  /** The generation of the newest complete commit in the folder (segments_N), or -1 if there is none. */
  private static long lastCommitGeneration(Path index) throws IOException {
    if (!Files.isDirectory(index)) {
      return -1;
    }
    try (Stream<Path> files = Files.list(index)) {
      return SegmentInfos.getLastCommitGeneration(files.map(f -> f.getFileName().toString()).toArray(String[]::new));
    }
  }

  /** Letter documents have distinct ids, and every decision belongs to a letter present; returns the letters. */
  private static long checkNoDuplicates(Path index) throws IOException {
    try (Directory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
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
