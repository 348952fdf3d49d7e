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

/**
 * The child-process side of {@link IsolatedParser}: says it is ready, then reads one request per line
 * on stdin, extracts the file's text with Tika, and answers one line on stdout. Anything libraries
 * print goes to stderr.
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
   */
  public static void serve(ParseFunction parse) throws IOException {
    OutputStream protocol = new FileOutputStream(FileDescriptor.out);
    System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
    serve(System.in, protocol, parse);
  }

  static void serve(InputStream in, OutputStream out, ParseFunction parse) throws IOException {
    ObjectMapper json = LetterJson.mapper();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    PrintStream writer = new PrintStream(out, false, StandardCharsets.UTF_8);
    writer.println(WorkerMessages.READY);
    writer.flush();
    String line;
    while ((line = reader.readLine()) != null) {
      WorkerMessages.Request request = json.readValue(line, WorkerMessages.Request.class);
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
