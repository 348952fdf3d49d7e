package org.imrindex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.imrindex.schema.IncompatibleIndexException;
import org.imrindex.schema.NoIndexException;
import org.imrindex.query.QuerySyntaxException;

/** The error mapping every query command shares: bad input is one line and exit 2, no index exit 3. */
final class QueryCommands {

  /** A command's work; returns its exit code. */
  @FunctionalInterface
  interface Body {
    int run() throws IOException, QuerySyntaxException;
  }

  private QueryCommands() {}

  static int run(PrintWriter err, Body body) throws IOException {
    try {
      return body.run();
    } catch (QuerySyntaxException e) {
      err.println("imr: " + Terminal.escape(e.getMessage()));
      return ExitCode.USAGE;
    } catch (NoIndexException | IncompatibleIndexException e) {
      err.println("imr: " + Terminal.escape(e.getMessage()));
      return ExitCode.FATAL;
    }
  }
}
