package org.imrindex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.imrindex.schema.IncompatibleIndexException;
import org.imrindex.schema.NoIndexException;
import org.imrindex.query.QueryCancelledException;
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
    } catch (org.apache.lucene.search.IndexSearcher.TooManyClauses e) {
      // the engine counts clauses first; this is the backstop for a path that did not
      err.println("imr: the query expands to more clauses than allowed; use fewer terms");
      return ExitCode.USAGE;
    } catch (org.apache.lucene.util.automaton.TooComplexToDeterminizeException e) {
      err.println("imr: a wildcard or regular expression of the query is too complex to run; make it simpler");
      return ExitCode.USAGE;
    } catch (QueryCancelledException e) {
      err.println("imr: cancelled");
      return ExitCode.CANCELLED;
    } catch (NoIndexException | IncompatibleIndexException e) {
      err.println("imr: " + Terminal.escape(e.getMessage()));
      return ExitCode.FATAL;
    }
  }
}
