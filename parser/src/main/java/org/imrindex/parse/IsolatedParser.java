package org.imrindex.parse;

import org.imrindex.model.LetterJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Parses letters without letting one file take the process down: plain text is parsed here (the
 * parser is linear and bounded); the text of PDF, HTML and DOCX files is extracted by Tika in a child
 * JVM with a heap cap (C1 only: a child parses a few thousand files at most, and C2's compilations
 * cost more than they gain there), and a file that takes longer than the time limit, or kills the
 * child, is rejected (TIMEOUT, PARSER_CRASHED) and the child restarted. A file's time limit starts
 * when the child says it is ready, so a slow start-up does not count against it. A child writes only
 * in its private temp folder, which is gone once the child ends, however it ends; a child ends with
 * this JVM, even one killed with kill -9 ({@link WorkerProcess}). Not thread-safe: use one per thread.
 */
public final class IsolatedParser implements AutoCloseable {

  /**
   * How the child process runs.
   *
   * @param timeout longest wait for one file, counted from when the child is ready
   * @param maxHeap the child's -Xmx value, e.g. "768m"
   * @param workerMain the child's main class (tests substitute a misbehaving one)
   * @param startTimeout longest wait for a (re)started child to say it is ready: a JVM start on a
   *     loaded machine is slow, and must not count against a file's time limit
   * @param tempBase the folder in which each child gets its own temp folder (owner-only, removed with
   *     all it holds when the child ends): Tika copies a DOCX whole into its temp folder, and a child
   *     that crashes or is killed cannot remove that copy itself
   */
  public record Options(Duration timeout, String maxHeap, Class<?> workerMain, Duration startTimeout, Path tempBase) {

    /** How long a child may take to start by default: generous, it only stops a child that is stuck. */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(2);

    /** The default start-up allowance. */
    public Options(Duration timeout, String maxHeap, Class<?> workerMain) {
      this(timeout, maxHeap, workerMain, DEFAULT_START_TIMEOUT);
    }

    /** The system's temp folder as the base. */
    public Options(Duration timeout, String maxHeap, Class<?> workerMain, Duration startTimeout) {
      this(timeout, maxHeap, workerMain, startTimeout, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** 60 s, 768 MB, the real worker. */
    public static Options defaults() {
      return new Options(Duration.ofSeconds(60), "768m", ParserWorker.class);
    }

    /** These options with another time limit per file. */
    public Options withTimeout(Duration limit) {
      return new Options(limit, maxHeap, workerMain, startTimeout, tempBase);
    }

    /** These options with another base folder for the children's private temp folders. */
    public Options withTempBase(Path base) {
      return new Options(timeout, maxHeap, workerMain, startTimeout, base);
    }
  }

  private final LetterParser parser;
  private final TextExtractor detector = new TextExtractor();
  private final Options options;
  private final ObjectMapper json = LetterJson.mapper();
  private WorkerProcess child;

  public IsolatedParser(LetterParser parser, Options options) {
    this.parser = parser;
    this.options = options;
  }

  /**
   * Parses one file, in this JVM if it is plain text, else in the child process.
   *
   * @throws ParserShutDownException when this JVM is shutting down and its children were stopped
   */
  public ParsedLetter read(Path file) throws LetterRejectedException {
    if (detector.isPlainText(file)) {
      return parser.read(file);
    }
    return readIsolated(file);
  }

  private ParsedLetter readIsolated(Path file) throws LetterRejectedException {
    Object answer;
    try {
      ensureStarted();
      child.send(json.writeValueAsString(new WorkerMessages.Request(file.toAbsolutePath().toString())));
      answer = child.responses().poll(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (IOException e) {
      answer = WorkerProcess.EOF;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop();
      throw new LetterRejectedException(RejectReason.TIMEOUT, "interrupted while parsing");
    }
    if (answer == null) {
      stop();
      throw new LetterRejectedException(RejectReason.TIMEOUT,
          "no result within " + options.timeout().toSeconds() + " s; the parser process was stopped");
    }
    if (answer == WorkerProcess.EOF) {
      int exit = stop();
      if (WorkerProcess.shuttingDown()) {
        throw new ParserShutDownException(); // the file is not to blame
      }
      throw new LetterRejectedException(RejectReason.PARSER_CRASHED,
          "the parser process died on this file (exit " + exit + (exit == 3 ? ": out of memory" : "") + ")");
    }
    WorkerMessages.Response r;
    try {
      r = json.readValue((String) answer, WorkerMessages.Response.class);
    } catch (IOException e) {
      stop();
      throw new LetterRejectedException(RejectReason.PARSER_CRASHED, "unreadable answer from the parser process", e);
    }
    if (r.reason() != null) {
      throw new LetterRejectedException(r.reason(), r.detail());
    }
    // the child only extracts (Tika is what can hang or crash); the letter parser is linear and bounded,
    // and runs faster here than in a short-lived child, with the letter crossing the pipe once as text
    return parser.read(file, r.extracted());
  }

  /** Starts the child if it is not running, and waits until it says it is ready. */
  private void ensureStarted() throws IOException, InterruptedException, LetterRejectedException {
    if (child != null && child.isAlive()) {
      return;
    }
    stop(); // a child that ended between two files: its folder goes before a new one is made
    child = WorkerProcess.start(options);
    Object first = child.responses().poll(options.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
    if (first == null) {
      stop();
      throw new LetterRejectedException(RejectReason.TIMEOUT,
          "the parser process did not start within " + options.startTimeout().toSeconds() + " s; it was stopped");
    }
    if (first == WorkerProcess.EOF) {
      int exit = stop();
      if (WorkerProcess.shuttingDown()) {
        throw new ParserShutDownException();
      }
      throw new LetterRejectedException(RejectReason.PARSER_CRASHED, "the parser process died while starting (exit " + exit + ")");
    }
    if (!WorkerMessages.READY.equals(first)) {
      stop();
      throw new LetterRejectedException(RejectReason.PARSER_CRASHED, "the parser process did not start as expected: its first"
          + " line was not " + WorkerMessages.READY);
    }
  }

  /** Stops the child process and removes its temp folder; returns its exit code (or -1). */
  private int stop() {
    if (child == null) {
      return -1;
    }
    WorkerProcess c = child;
    child = null;
    return c.kill();
  }

  @Override
  public void close() {
    if (child != null) {
      WorkerProcess c = child;
      child = null;
      c.close(); // the worker exits when its stdin closes; its folder is removed after it
    }
  }
}
