package org.imrindex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.imrindex.index.InputFiles;
import org.imrindex.model.DeterminationLetter;
import org.imrindex.parse.IsolatedParser;
import org.imrindex.parse.LetterParser;
import org.imrindex.parse.LetterRejectedException;
import org.imrindex.parse.RejectReason;

/** Parses the letters of a command line's files and folders, naming each rejected one on stderr. */
final class LetterFiles {

  /** What a command does with each parsed letter. */
  @FunctionalInterface
  interface Consumer {
    void accept(DeterminationLetter letter) throws IOException;
  }

  private LetterFiles() {}

  /**
   * Parses every input in order, PDF, HTML and DOCX in a child process as {@code imr index} does (a
   * file that hangs or crashes the parser is rejected as timeout or parser-crashed); returns how
   * many could not be read or parsed.
   */
  static int parseEach(List<Path> inputs, IsolatedParser.Options options, PrintWriter err, Consumer consumer) throws IOException {
    InputFiles files = InputFiles.expand(inputs);
    int failed = 0;
    for (InputFiles.Problem p : files.problems()) {
      reject(err, p.path(), p.reason(), p.message());
      failed++;
    }
    try (IsolatedParser parser = new IsolatedParser(new LetterParser(), options)) {
      for (Path file : files.files()) {
        DeterminationLetter letter;
        try {
          letter = parser.read(file).letter();
        } catch (LetterRejectedException e) {
          reject(err, file, e.reason(), e.getMessage());
          failed++;
          continue;
        }
        consumer.accept(letter);
      }
    }
    return failed;
  }

  /** Names a rejected file on one escaped line: {@code imr: PATH: reason: detail}. */
  static void reject(PrintWriter err, Path file, RejectReason reason, String detail) {
    err.println("imr: " + Terminal.escape(file.toString()) + ": " + reason + ": " + Terminal.escape(String.valueOf(detail)));
  }
}
