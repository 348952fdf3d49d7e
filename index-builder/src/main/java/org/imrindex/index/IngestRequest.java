package org.imrindex.index;

import org.imrindex.analysis.AnalysisChain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.imrindex.parse.IsolatedParser;

/**
 * What {@code imr index} is asked to do.
 *
 * @param index the index folder (created if missing)
 * @param inputs files and folders of letters
 * @param threads parsing threads, 1 to {@link #MAX_THREADS}
 * @param commitEvery commit after this many letters written
 * @param commitInterval commit at least this often while writing
 * @param parser how PDF, HTML and DOCX are parsed in a child process
 * @param analysis the text analysis (MEDICAL; STANDARD only for baselines); an existing index must have been built with it
 */
public record IngestRequest(Path index, List<Path> inputs, int threads, int commitEvery, Duration commitInterval,
    IsolatedParser.Options parser, AnalysisChain analysis) {

  /**
   * Letters between commits by default. A commit flushes every indexing thread's buffer and syncs
   * the files: at 5,000 (the first default) that was about once a second and cost 10–25% of the
   * ingest time; the time bound below still caps what a crash can lose.
   */
  public static final int DEFAULT_COMMIT_EVERY = 50_000;

  /**
   * Most parsing threads: each has its own parser and, for PDF, HTML and DOCX, its own child JVM, and
   * beyond a few per core they only compete (100,000 threads ran out of time starting).
   */
  public static final int MAX_THREADS = 256;

  /** Seconds between commits at most, by default. */
  public static final int DEFAULT_COMMIT_SECONDS = 30;

  public IngestRequest {
    inputs = List.copyOf(inputs);
  }

  /** The request {@code imr index} makes with its default options. */
  public static IngestRequest defaults(Path index, List<Path> inputs, int threads, AnalysisChain analysis) {
    return new IngestRequest(index, inputs, threads, DEFAULT_COMMIT_EVERY, Duration.ofSeconds(DEFAULT_COMMIT_SECONDS),
        IsolatedParser.Options.defaults(), analysis);
  }
}
