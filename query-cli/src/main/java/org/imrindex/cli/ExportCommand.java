package org.imrindex.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.imrindex.model.LetterJson;
import org.imrindex.query.ExportColumns;
import org.imrindex.query.Exporter;
import org.imrindex.query.QueryBuilder;
import org.imrindex.query.QuerySyntaxException;
import org.imrindex.query.WholeFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code imr export}: every matching decision with all its fields, streamed. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Every matching decision, one row each, with all structured fields (the letter's repeated on each",
      "of its decisions), for R or pandas. Streams: works for the whole index. Lists are joined with ';'",
      "in CSV and kept as arrays in JSONL.",
      "",
      "--columns chooses and orders the columns (default: all).",
      "",
      "Examples:  imr export --filter drug_class=opioid --format csv --out opioids.csv",
      "           imr export --format csv --columns case_number,decision_date,item,outcome,drug_class"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:Success.", "2:Usage error: bad query, unknown dimension or value.", "3:No index, or the output cannot be written."})
final class ExportCommand implements Callable<Integer> {

  /** Export formats. */
  enum Format { CSV, JSONL }

  @Spec
  CommandSpec spec;

  @Mixin
  IndexOption index;

  @Mixin
  QueryOptions queryOptions;

  @Mixin
  ExactOption exactOption;

  @Mixin
  FilterOptions filterOptions;

  @Option(names = "--format", paramLabel = "FORMAT", required = true, description = "csv or jsonl.")
  Format format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of stdout.")
  Path out;

  @Option(names = "--columns", paramLabel = "COL", split = ",",
      description = "Columns to write, in this order (comma-separated). Default: all; an unknown one lists them.")
  List<String> columns;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    return QueryCommands.run(err, () -> {
      try (OpenIndexes.Lease lease = OpenIndexes.open(index.readable())) {
        QueryBuilder builder = new QueryBuilder(lease.index());
        var filters = builder.validate(filterOptions.filters());
        List<String> chosen = ExportColumns.select(columns);
        var query = builder.decisions(queryOptions.query, exactOption.exact, filters);
        if (out == null) {
          Writer w = spec.commandLine().getOut();
          try {
            write(new Exporter(lease.index()), query, format, chosen, w);
          } finally {
            w.flush();
          }
        } else {
          long n = writeFile(new Exporter(lease.index()), query, format, chosen, out);
          err.printf(Locale.ROOT, "imr: %s decisions written to %s%n", Numbers.grouped(n), Terminal.escape(out.toString()));
        }
        return ExitCode.OK;
      }
    });
  }

  /** Writes the export to {@code file} whole or not at all ({@link WholeFile}): a cancelled or failed export leaves it as it was. */
  static long writeFile(Exporter exporter, org.apache.lucene.search.Query query, Format format, List<String> columns, Path file)
      throws IOException {
    return WholeFile.write(file, out -> {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      long n = write(exporter, query, format, columns, w);
      w.flush();
      return n;
    });
  }

  static long write(Exporter exporter, org.apache.lucene.search.Query query, Format format, List<String> columns, Writer w)
      throws IOException {
    ObjectMapper json = LetterJson.mapper();
    CSVPrinter csv = format == Format.CSV
        ? new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(columns.toArray(String[]::new)).get()) : null;
    boolean all = columns.equals(ExportColumns.NAMES);
    long n = exporter.export(query, (letterId, letter, no) -> {
      Map<String, Object> full = ExportColumns.row(letterId, letter, no);
      Map<String, Object> row = full;
      if (!all) {
        row = new java.util.LinkedHashMap<>();
        for (String c : columns) {
          row.put(c, full.get(c));
        }
      }
      if (csv != null) {
        List<Object> values = new ArrayList<>();
        for (Object v : row.values()) {
          values.add(Terminal.escapeControls(v instanceof List<?> list ? String.join(";", list.stream().map(String::valueOf).toList()) : v));
        }
        csv.printRecord(values);
      } else {
        w.write(json.writeValueAsString(row));
        w.write('\n');
      }
    });
    if (csv != null) {
      csv.flush();
    }
    return n;
  }
}
