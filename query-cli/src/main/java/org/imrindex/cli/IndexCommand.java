package org.imrindex.cli;

import org.imrindex.analysis.AnalysisChain;
import org.imrindex.schema.ForeignFolderException;
import org.imrindex.schema.IncompatibleIndexException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.apache.lucene.store.LockObtainFailedException;
import org.imrindex.index.IngestListener;
import org.imrindex.index.IngestRequest;
import org.imrindex.index.IngestStoppedException;
import org.imrindex.index.IngestSummary;
import org.imrindex.index.Ingester;
import org.imrindex.index.Rejection;
import org.imrindex.model.LetterJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code imr index}: reads folders of letters into the index. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Parse letters (PDF, text, HTML, DOCX; folders recursively) and write them to the index.",
      "A letter is identified by its IMR case number, else by the SHA-256 of its record: indexing",
      "the same letter again (same or other file or format) replaces it, never copies it.",
      "Unchanged files are skipped. PDF, HTML and DOCX are parsed in a separate process with a",
      "time limit; a file that hangs or crashes it costs one rejected file. The index is committed",
      "regularly: after a crash it is at its last commit, and a rerun completes it.",
      "A letter with a decision not read whole (its item heading lost, say) is indexed with its outcome",
      "and counted as having parse warnings: --filter parse_warnings=none leaves such letters out.",
      "",
      "Example:  imr index --index /data/imr-index letters/"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:Every file indexed or unchanged.",
      "1:Finished, but some files were rejected (each listed with its reason).",
      "2:Usage error, or the --index folder is not empty and not an imr index (nothing is written there).",
      "3:Fatal: nothing more could be written (the index is at its last commit).",
      "SIGTERM or Ctrl-C stop at the last commit too, with a message; the exit status is then 143 or 130."
    })
final class IndexCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  IndexOption index;

  @Option(names = "--threads", paramLabel = "N",
      description = "Parsing threads, 1 to " + IngestRequest.MAX_THREADS + ". Default: all cores (${DEFAULT-VALUE}).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Summary on stdout: text or json. Default: ${DEFAULT-VALUE}.")
  SummaryFormat format;

  @Option(names = "--quiet", description = "No progress output.")
  boolean quiet;

  @Option(names = "--commit-every", paramLabel = "N", defaultValue = "" + IngestRequest.DEFAULT_COMMIT_EVERY,
      description = "Commit after every N letters. Default: ${DEFAULT-VALUE}.")
  int commitEvery;

  @Option(names = "--commit-seconds", paramLabel = "S", defaultValue = "" + IngestRequest.DEFAULT_COMMIT_SECONDS,
      description = "Commit at least every S seconds while writing. Default: ${DEFAULT-VALUE}.")
  int commitSeconds;

  @Mixin
  TimeoutOption timeout;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Letter files or folders.")
  List<Path> paths;

  @Override
  public Integer call() throws IOException {
    if (threads < 1 || commitEvery < 1 || commitSeconds < 1 || timeout.seconds < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--threads, --commit-every, --commit-seconds and --timeout must be at least 1");
    }
    if (threads > IngestRequest.MAX_THREADS) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--threads must be at most " + IngestRequest.MAX_THREADS + ", got " + threads);
    }
    IngestRequest request = new IngestRequest(index.resolve(), paths, threads, commitEvery, Duration.ofSeconds(commitSeconds),
        timeout.parserOptions(spec.commandLine()), AnalysisChain.MEDICAL);
    return run(request, format, quiet, spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  static int run(IngestRequest request, SummaryFormat format, boolean quiet, PrintWriter out, PrintWriter err) throws IOException {
    return run(request, progress -> new Ingester(request, progress), format, quiet, out, err);
  }

  /**
   * Runs an ingest made by {@code ingesters} from the progress listener (tests wrap the listener or
   * the index directory) and prints its summary; SIGTERM or Ctrl-C stops it at a commit.
   */
  static int run(IngestRequest request, Function<IngestListener, Ingester> ingesters, SummaryFormat format, boolean quiet,
      PrintWriter out, PrintWriter err) throws IOException {
    IngestSummary s;
    StopOnSignal stop = null;
    try {
      try (Progress progress = new Progress(quiet, err)) {
        Ingester ingester = ingesters.apply(progress);
        stop = new StopOnSignal(ingester::cancel);
        s = ingester.run();
      } catch (ForeignFolderException e) {
        err.println("imr: " + Terminal.escape(e.getMessage()));
        err.flush();
        return ExitCode.USAGE;
      } catch (IngestStoppedException e) {
        // the files rejected before the stop, then the one line that says why it stopped and what the index holds
        for (Rejection r : e.rejected()) {
          LetterFiles.reject(err, Path.of(r.path()), r.reason(), r.detail());
        }
        err.println("imr: " + Terminal.escape(e.getMessage()));
        err.flush();
        return ExitCode.FATAL;
      } catch (IncompatibleIndexException e) {
        err.println("imr: " + Terminal.escape(e.getMessage()));
        return ExitCode.FATAL;
      } catch (LockObtainFailedException e) {
        err.println("imr: the index " + Terminal.escape(request.index().toString()) + " is being written by another imr run");
        return ExitCode.FATAL;
      } catch (IOException e) {
        err.println("imr: indexing stopped: " + Terminal.escape(String.valueOf(e.getMessage()))
            + " (the index is at its last commit; rerun to complete it)");
        return ExitCode.FATAL;
      }
      return summary(request, s, format, out, err);
    } finally {
      out.flush();
      err.flush();
      if (stop != null) {
        stop.close();
      }
    }
  }

  private static int summary(IngestRequest request, IngestSummary s, SummaryFormat format, PrintWriter out, PrintWriter err)
      throws IOException {
    for (Rejection r : s.rejected()) {
      LetterFiles.reject(err, Path.of(r.path()), r.reason(), r.detail());
    }
    if (format == SummaryFormat.JSON) {
      out.println(json(s));
    } else {
      String at = Terminal.escape(request.index().toAbsolutePath().toString());
      out.printf(Locale.ROOT, "%s files: %s indexed (%s letters, %s with parse warnings, %s decisions), %s duplicates,"
          + " %s unchanged, %s rejected in %.1f s%n", Numbers.grouped(s.files()), Numbers.grouped(s.indexed()), Numbers.grouped(s.letters()),
          Numbers.grouped(s.lettersWithParseWarnings()), Numbers.grouped(s.decisions()), Numbers.grouped(s.duplicates()), Numbers.grouped(s.unchanged()),
          Numbers.grouped(s.rejected().size()), s.seconds());
      if (s.lettersWithParseWarnings() > 0) {
        // a decision kept its outcome but not all its text: say how to see which, and how to count without them
        out.printf(Locale.ROOT, "parse warnings: imr search --index %s --level letter --filter parse_warnings=some lists them;"
            + " --filter parse_warnings=none leaves them out%n", at);
      }
      out.println("index: " + at);
    }
    out.flush();
    err.flush();
    return s.rejected().isEmpty() ? ExitCode.OK : ExitCode.SOME_FAILED;
  }

  private static String json(IngestSummary s) throws IOException {
    ObjectMapper m = LetterJson.mapper();
    ObjectNode o = m.createObjectNode();
    o.put("files", s.files()).put("indexed", s.indexed()).put("letters", s.letters())
        .put("letters_with_parse_warnings", s.lettersWithParseWarnings()).put("decisions", s.decisions())
        .put("duplicates", s.duplicates()).put("unchanged", s.unchanged());
    ArrayNode rejected = o.putArray("rejected");
    for (Rejection r : s.rejected()) {
      rejected.addObject().put("path", r.path()).put("reason", r.reason().toString()).put("detail", r.detail());
    }
    o.put("seconds", Math.round(s.seconds() * 1000) / 1000.0);
    return m.writeValueAsString(o);
  }
}
