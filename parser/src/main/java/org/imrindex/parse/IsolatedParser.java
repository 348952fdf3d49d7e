package org.imrindex.parse;

import org.imrindex.model.LetterJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Parses letters without letting one file take the process down: plain text is parsed here (the
 * parser is linear and bounded); the text of PDF, HTML and DOCX files is extracted by Tika in a child
 * JVM with a heap cap (C1 only: a child parses a few thousand files at most, and C2's compilations
 * cost more than they gain there), and a file that takes longer than the time limit, or kills the
 * child, is rejected (TIMEOUT, PARSER_CRASHED) and the child restarted. A file's time limit starts
 * when the child says it is ready, so a slow start-up does not count against it. Not thread-safe: use
 * one per thread.
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
   */
  public record Options(Duration timeout, String maxHeap, Class<?> workerMain, Duration startTimeout) {

    /** How long a child may take to start by default: generous, it only stops a child that is stuck. */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(2);

    /** The default start-up allowance. */
    public Options(Duration timeout, String maxHeap, Class<?> workerMain) {
      this(timeout, maxHeap, workerMain, DEFAULT_START_TIMEOUT);
    }

    /** 60 s, 768 MB, the real worker. */
    public static Options defaults() {
      return new Options(Duration.ofSeconds(60), "768m", ParserWorker.class);
    }

    /** These options with another time limit per file. */
    public Options withTimeout(Duration limit) {
      return new Options(limit, maxHeap, workerMain, startTimeout);
    }
  }

  private static final Object EOF = new Object();

  private final LetterParser parser;
  private final TextExtractor detector = new TextExtractor();
  private final Options options;
  private final ObjectMapper json = LetterJson.mapper();
  private Process process;
  private OutputStream requests;
  private BlockingQueue<Object> responses;

  public IsolatedParser(LetterParser parser, Options options) {
    this.parser = parser;
    this.options = options;
  }

  /** Parses one file, in this JVM if it is plain text, else in the child process. */
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
      requests.write((json.writeValueAsString(new WorkerMessages.Request(file.toString())) + "\n").getBytes(StandardCharsets.UTF_8));
      requests.flush();
      answer = responses.poll(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (IOException e) {
      answer = EOF;
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
    if (answer == EOF) {
      int exit = stop();
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
    if (process != null && process.isAlive()) {
      return;
    }
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + options.maxHeap(), "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
        "-cp", System.getProperty("java.class.path"), options.workerMain().getName()));
    process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    requests = process.getOutputStream();
    BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    responses = queue;
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    Thread reader = new Thread(() -> {
      try {
        String line;
        while ((line = out.readLine()) != null) {
          queue.add(line);
        }
      } catch (IOException ignored) {
        // the process was stopped
      }
      queue.add(EOF);
    }, "imr-parser-worker-reader");
    reader.setDaemon(true);
    reader.start();
    Object first = queue.poll(options.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
    if (first == null) {
      stop();
      throw new LetterRejectedException(RejectReason.TIMEOUT,
          "the parser process did not start within " + options.startTimeout().toSeconds() + " s; it was stopped");
    }
    if (first == EOF) {
      int exit = stop();
      throw new LetterRejectedException(RejectReason.PARSER_CRASHED, "the parser process died while starting (exit " + exit + ")");
    }
    if (!WorkerMessages.READY.equals(first)) {
      stop();
      throw new LetterRejectedException(RejectReason.PARSER_CRASHED, "the parser process did not start as expected: its first"
          + " line was not " + WorkerMessages.READY);
    }
  }

  /** Stops the child process; returns its exit code (or -1). */
  private int stop() {
    if (process == null) {
      return -1;
    }
    Process p = process;
    process = null;
    p.destroyForcibly();
    try {
      return p.waitFor(10, TimeUnit.SECONDS) ? p.exitValue() : -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  @Override
  public void close() {
    if (process != null) {
      try {
        requests.close(); // the worker exits when its stdin closes
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (IOException | InterruptedException e) {
        process.destroyForcibly();
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
      }
      process = null;
    }
  }
}
