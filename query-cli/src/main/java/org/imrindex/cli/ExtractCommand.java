package org.imrindex.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.imrindex.model.LetterJson;
import org.imrindex.parse.IsolatedParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code imr extract}: prints the structured record of each letter. */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
      "Parse determination letters (PDF, text, HTML, DOCX) and print their structured records.",
      "Folders are read recursively. A file that is not a determination gets one line on stderr;",
      "the others are still printed. PDF, HTML and DOCX are parsed in a separate process with a",
      "time limit, as by imr index: a file that hangs or crashes it is rejected (timeout,",
      "parser-crashed).",
      "",
      "Example:  imr extract --format json corpus-samples/letters/seeds/003_1bf899ffda0acde2.txt"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:Every file parsed.",
      "1:Some files were not determinations, could not be read or timed out (named on stderr).",
      "2:Usage error."
    })
final class ExtractCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
      description = "json (one array), jsonl (one record per line) or text (for people). Default: ${DEFAULT-VALUE}.")
  OutputFormat format;

  @Mixin
  TimeoutOption timeout;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Letter files or folders.")
  List<Path> files;

  /**
   * What extract is asked to do.
   *
   * @param parser how PDF, HTML and DOCX are parsed in the child process (time limit, heap, worker)
   */
  record Request(OutputFormat format, List<Path> inputs, IsolatedParser.Options parser) {}

  @Override
  public Integer call() throws IOException {
    return extract(new Request(format, files, timeout.parserOptions(spec.commandLine())),
        spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  static int extract(Request request, PrintWriter out, PrintWriter err) throws IOException {
    ObjectMapper mapper = LetterJson.mapper();
    JsonGenerator array = null;
    if (request.format() == OutputFormat.JSON) {
      array = mapper.getFactory().createGenerator(new NonClosingWriter(out));
      array.setPrettyPrinter(new DefaultPrettyPrinter());
      array.writeStartArray();
    }
    JsonGenerator json = array;
    int failed = LetterFiles.parseEach(request.inputs(), request.parser(), err, letter -> {
      switch (request.format()) {
        case JSON -> mapper.writeValue(json, letter);
        case JSONL -> out.println(mapper.writeValueAsString(letter));
        case TEXT -> out.print(LetterSummary.format(letter));
      }
    });
    if (array != null) {
      array.writeEndArray();
      array.flush();
      out.println();
    }
    out.flush();
    err.flush();
    return failed == 0 ? ExitCode.OK : ExitCode.SOME_FAILED;
  }
}
