package org.imrindex.parse;

import org.imrindex.model.LetterJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The child-process side of {@link IsolatedParser}: says it is ready, then reads one request per line
 * on stdin, extracts the file's text with Tika, and answers one line on stdout. Anything libraries
 * print goes to stderr. Ends with its parent, even in the middle of a file.
 */
public final class ParserWorker {

  /** What the worker does with one file; tests substitute their own. */
  @FunctionalInterface
  public interface ParseFunction {
    ExtractedText extract(Path file) throws LetterRejectedException;
  }

  private ParserWorker() {}

  public static void main(String[] args) throws IOException {
    serve(new TextExtractor()::extract);
  }

  /**
   * Serves requests on this process's stdin/stdout until stdin closes. Whatever the caller set up
   * before (Tika's configuration, for one) counts as start-up, not against the first file's time limit.
   * The process ends as soon as its parent does, even in the middle of a file: when its stdin closes
   * (the parent closed it, or died and the system closed it) or the parent process exits; it then
   * removes its private temp folder, if it was given one.
   */
  public static void serve(ParseFunction parse) throws IOException {
    OutputStream protocol = new FileOutputStream(FileDescriptor.out);
    System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
    // a parent that has already died when this runs is seen by the stdin watch: parent() is then another process
    ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(ParserWorker::end));
    try {
      serve(System.in, protocol, parse, ParserWorker::end);
    } finally {
      removePrivateTemp(); // an end that did not come from the parent (a request it could not read)
    }
  }

  /** Ends this process now, whatever it is doing: removes the private temp folder, then halts. */
  private static void end() {
    removePrivateTemp();
    Runtime.getRuntime().halt(0);
  }

  private static void removePrivateTemp() {
    String tmp = System.getProperty(WorkerMessages.PRIVATE_TMP);
    if (tmp != null && !tmp.isEmpty()) {
      PrivateTemp.delete(Path.of(tmp));
    }
  }

  /** Serves requests from in until it ends. */
  static void serve(InputStream in, OutputStream out, ParseFunction parse) throws IOException {
    serve(in, out, parse, () -> {});
  }

  /**
   * Serves requests from in; in is read by a thread of its own, so its end is seen while a file is
   * being parsed, and runs inputEnded at once.
   */
  static void serve(InputStream in, OutputStream out, ParseFunction parse, Runnable inputEnded) throws IOException {
    ObjectMapper json = LetterJson.mapper();
    BlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    Thread watch = new Thread(() -> {
      try {
        String line;
        while ((line = reader.readLine()) != null) {
          lines.add(Optional.of(line));
        }
      } catch (IOException ignored) {
        // a broken pipe is an end too
      }
      inputEnded.run(); // before the serving loop hears of it: once that returns, the JVM may exit under this thread
      lines.add(Optional.empty());
    }, "imr-parser-worker-stdin");
    watch.setDaemon(true);
    watch.start();
    PrintStream writer = new PrintStream(out, false, StandardCharsets.UTF_8);
    writer.println(WorkerMessages.READY);
    writer.flush();
    while (true) {
      Optional<String> line;
      try {
        line = lines.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (line.isEmpty()) {
        return;
      }
      WorkerMessages.Request request = json.readValue(line.get(), WorkerMessages.Request.class);
      WorkerMessages.Response response;
      try {
        response = new WorkerMessages.Response(parse.extract(Path.of(request.path())), null, null);
      } catch (LetterRejectedException e) {
        response = new WorkerMessages.Response(null, e.reason(), e.getMessage());
      } catch (RuntimeException | StackOverflowError e) {
        response = new WorkerMessages.Response(null, RejectReason.CORRUPT, "parser failed: " + e);
      }
      writer.println(json.writeValueAsString(response));
      writer.flush();
    }
  }
}
