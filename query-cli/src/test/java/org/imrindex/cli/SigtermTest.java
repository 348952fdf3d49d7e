package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.imrindex.analysis.AnalysisChain;
import org.imrindex.corpus.GeneratedCorpus;
import org.imrindex.index.IndexVerifier;
import org.imrindex.index.IngestListener;
import org.imrindex.index.IngestRequest;
import org.imrindex.index.Ingester;
import org.imrindex.index.Rejection;
import org.imrindex.query.IndexStats;
import org.imrindex.parse.IsolatedParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a JVM running {@code imr index}: the run stops at a commit that holds every letter
 * written, says so in one line, and the index is clean. The signal is sent on an event, not on a
 * clock: the child ({@link HeldIndex}) runs {@code IndexCommand} with one thread and, once it has
 * committed and written a few more files, says so on stdout and holds its ingest thread for good;
 * only the signal ends the run. The only clock is {@link #BROKEN}, a bound for a stuck child.
 */
class SigtermTest {

  private static final int LETTERS = 300;
  private static final int COMMIT_EVERY = 50;
  private static final int HOLD_AFTER = 3;
  private static final Duration BROKEN = Duration.ofMinutes(5);

  @TempDir
  Path tmp;

  @Test
  void sigtermStopsTheRunAtACommitOfEveryLetterWrittenWithOneLineAndTheIndexIsClean() throws Exception {
    Path corpus = tmp.resolve("corpus");
    GeneratedCorpus.Manifest m = GeneratedCorpus.write(corpus, LETTERS, 13);
    Path index = tmp.resolve("index");
    Path log = tmp.resolve("child.log");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        HeldIndex.class.getName(), index.toString(), corpus.toString())
        .redirectError(log.toFile()).start();
    String said;
    try {
      said = Fixtures.firstLine(p, BROKEN);
      assertTrue(said != null && said.startsWith(HeldIndex.HELD), "child said " + said + ", stderr:\n" + Files.readString(log));
      p.destroy(); // SIGTERM
      assertTrue(p.waitFor(BROKEN.toMinutes(), TimeUnit.MINUTES), "the child did not end on SIGTERM");
    } finally {
      p.destroyForcibly();
    }
    int written = Integer.parseInt(said.substring(HeldIndex.HELD.length()).strip());
    String err = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(128 + 15, p.exitValue(), err);
    // the child's stderr holds Lucene's one-time JUL notice on the vector module, then imr's line
    List<String> lines = err.lines().filter(l -> l.startsWith("imr: ") || l.contains("Exception")).toList();
    assertEquals(List.of("imr: indexing stopped as asked: the index " + index + " is at its last commit (" + written + " letters);"
        + " rerun to complete it"), lines, err);
    assertTrue(IndexVerifier.verify(index).clean());
    assertEquals(written, IndexStats.read(index).letters(), "the stop committed every letter written before it");

    Fixtures.Run rerun = Fixtures.imr("index", "--index", index.toString(), "--quiet", corpus.toString());
    assertEquals(0, rerun.exit(), rerun.err());
    assertEquals(LETTERS, IndexStats.read(index).letters());
    assertEquals(m.decisions(), IndexStats.read(index).decisions());
  }

  /**
   * The child: {@code imr index} (IndexCommand with its signal hook) with one thread, committing
   * every {@link #COMMIT_EVERY} letters; after its first commit and {@link #HOLD_AFTER} more files
   * it prints "held N" (N files written) and holds the ingest thread for good. Arguments: index, folder.
   */
  public static final class HeldIndex {

    static final String HELD = "held ";

    public static void main(String[] args) throws IOException {
      PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
      IngestRequest request = new IngestRequest(Path.of(args[0]), List.of(Path.of(args[1])), 1, COMMIT_EVERY,
          Duration.ofDays(1), IsolatedParser.Options.defaults(), AnalysisChain.MEDICAL);
      PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
      PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
      int exit = IndexCommand.run(request, progress -> new Ingester(request, new IngestListener() {
        private int done;
        private int sinceCommit = -1;

        @Override
        public void started(int total) {}

        @Override
        public void fileDone(Path file, FileOutcome outcome, Rejection rejection) {
          done++;
          if (sinceCommit >= 0 && ++sinceCommit >= HOLD_AFTER) {
            stdout.println(HELD + done);
            try {
              new CountDownLatch(1).await(); // for good: only the signal ends the run
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        }

        @Override
        public void committed(int lettersSoFar) {
          if (sinceCommit < 0 && lettersSoFar > 0) {
            sinceCommit = 0;
          }
        }
      }), SummaryFormat.TEXT, true, out, err);
      stdout.println("finished before holding, exit " + exit);
      System.exit(exit);
    }
  }

}
