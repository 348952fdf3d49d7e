package org.imrindex.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.imrindex.schema.FacetDimension;
import org.imrindex.model.Decision;
import org.imrindex.model.DeterminationLetter;
import org.imrindex.model.LetterJson;
import org.imrindex.query.Level;
import org.imrindex.query.QueryBuilder;
import org.imrindex.query.QueryIndex;
import org.imrindex.query.QuerySyntaxException;
import org.imrindex.query.Rerun;
import org.imrindex.query.SearchJson;
import org.imrindex.query.SearchRequest;
import org.imrindex.query.SearchResult;
import org.imrindex.query.Searcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code imr search}: ranked decisions (or letters) with highlighted snippets and facet counts. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Search the letters. QUERY uses Lucene's syntax: bare terms are AND-ed and search each",
      "decision's own text (item, rationale, citations); \"phrases\", \"a b\"~5, wild*, fuzzy~, OR, NOT,",
      "and fields item: rationale: guideline: (each decision) summary: text: (the letter, only when",
      "named: a match selects all its decisions). Each hit shows a highlighted passage of every field",
      "it matched.",
      "Facet counts are in decisions and drill-sideways: a filtered dimension still shows its other values.",
      "",
      "Examples:  imr search '\"functional improvement\"' --facet drug_class",
      "           imr search 'rationale:\"opioid dependence\"~5' --filter drug_class=opioid --facet all"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:Success (also when nothing matches).", "2:Usage error: bad query, unknown dimension or value.", "3:No index."})
final class SearchCommand implements Callable<Integer> {

  /** Search output formats. */
  enum Format { TEXT, JSON, JSONL, CSV }

  @Spec
  CommandSpec spec;

  @Mixin
  IndexOption index;

  @Parameters(paramLabel = "QUERY", arity = "0..1", description = "The query; omit it to list by filters alone.")
  String query;

  @Mixin
  ExactOption exactOption;

  @Mixin
  FilterOptions filterOptions;

  @Option(names = "--facet", paramLabel = "DIM", completionCandidates = Dimensions.WithAll.class, description = "Count the values of a dimension (repeatable; 'all' for every one).")
  List<String> facets = new ArrayList<>();

  @Option(names = "--level", paramLabel = "LEVEL", defaultValue = "decision", description = "decision or letter. Default: ${DEFAULT-VALUE}.")
  Level level;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "Hits to show; --offset plus --limit is at most 10,000 (imr export lists every hit). Default: ${DEFAULT-VALUE}.")
  int limit;

  @Option(names = "--offset", paramLabel = "N", defaultValue = "0", description = "Hits to skip. Default: ${DEFAULT-VALUE}.")
  int offset;

  @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "relevance",
      description = "relevance, date (newest first) or oldest; undated letters come last. Default: ${DEFAULT-VALUE}.")
  org.imrindex.query.SearchSort sort;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, json, jsonl or csv. Default: ${DEFAULT-VALUE}.")
  Format format;

  @Mixin
  WidthOption width;

  @Option(names = "--save", paramLabel = "FILE.json",
      description = "Also save the question, the index commit, the tool version and the result (the JSON of --format json) for imr rerun.")
  java.nio.file.Path save;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    return QueryCommands.run(err, () -> {
      List<FacetDimension> dims = new ArrayList<>();
      for (String f : facets) {
        if (f.equalsIgnoreCase("all")) {
          dims.addAll(List.of(FacetDimension.values()));
          continue;
        }
        try {
          dims.add(FacetDimension.of(f));
        } catch (IllegalArgumentException e) {
          throw new QuerySyntaxException("unknown dimension '" + f + "'; dimensions are: " + QueryBuilder.dimensions() + ", all");
        }
      }
      SearchRequest request = new SearchRequest(query, exactOption.exact, filterOptions.filters(), dims.stream().distinct().toList(), level, limit, offset, sort);
      if (save != null) {
        org.imrindex.query.SavedAnalysis.checkTarget(save);
      }
      try (OpenIndexes.Lease lease = OpenIndexes.open(index.readable())) {
        QueryIndex qi = lease.index();
        SearchResult result = new Searcher(qi).search(request);
        if (save != null) {
          Rerun.search(request, result, qi).write(save);
        }
        print(result, format, Boolean.getBoolean("imr.stdout.tty"), width.columns(), showCommand(index.index), spec.commandLine().getOut());
      }
      return ExitCode.OK;
    });
  }

  /**
   * The command that shows a hit's whole letter, as the hint under each hit spells it: with the
   * {@code --index} the search was given, if any (quoted when it has spaces).
   */
  static String showCommand(java.nio.file.Path index) {
    if (index == null) {
      return "imr show";
    }
    String dir = index.toString();
    return "imr show --index " + (dir.chars().anyMatch(Character::isWhitespace) || dir.contains("'") ? "'" + dir.replace("'", "'\\''") + "'" : dir);
  }

  /**
   * Prints a search result; {@code show} is the command the text format's hint under each hit
   * names to show its whole letter ({@link #showCommand}).
   */
  static void print(SearchResult r, Format format, boolean terminal, int width, String show, PrintWriter out) throws IOException {
    switch (format) {
      case TEXT -> text(r, terminal, width, show, out);
      case JSON -> out.println(LetterJson.mapper().writeValueAsString(SearchJson.of(r)));
      case JSONL -> {
        ObjectMapper m = LetterJson.mapper();
        for (SearchResult.Hit h : r.hits()) {
          out.println(m.writeValueAsString(SearchJson.hit(h)));
        }
      }
      case CSV -> csv(r, out);
    }
    out.flush();
  }

  /** Hits wrapped to {@code width} columns; an item or a letter's list of items longer than a line is cut with "...". */
  private static void text(SearchResult r, boolean terminal, int width, String show, PrintWriter out) {
    String unit = (r.request().level() == Level.LETTER ? "letter" : "decision") + (r.total() == 1 ? " matches" : "s match");
    int from = r.hits().isEmpty() ? 0 : r.request().offset() + 1;
    String shown = r.hits().isEmpty() && r.total() > 0
        ? "none past " + Numbers.grouped(r.total()) + ": --offset " + Numbers.grouped(r.request().offset())
        : "showing " + Numbers.grouped(from) + "-" + Numbers.grouped(from == 0 ? 0 : r.request().offset() + r.hits().size());
    out.printf(Locale.ROOT, "%s %s%s (%s)%n", Numbers.grouped(r.total()), unit,
        r.request().query() == null ? "" : " " + Terminal.escape(r.request().query()), shown);
    int n = r.request().offset();
    for (SearchResult.Hit h : r.hits()) {
      n++;
      out.println();
      if (h.decisionNo() != null) {
        Decision d = h.letter().decisions().get(h.decisionNo());
        out.printf(Locale.ROOT, "%3s. %-11s %s%n", Numbers.grouped(n), d.outcome() == null ? "?" : d.outcome(), Terminal.escape(cut(d.item(), width - 17)));
        // one line, never wrapped: the command at its end is copied whole
        out.println("     " + Terminal.escape(where(h, show)));
        for (String line : Terminal.wrap(Terminal.escape(details(h, d)), width - 5)) {
          out.println("     " + line);
        }
      } else {
        String items = h.letter().decisions().stream().map(x -> (x.outcome() == null ? "?" : x.outcome().toString().substring(0, 1).toUpperCase(Locale.ROOT)) + " " + x.item())
            .collect(Collectors.joining("; "));
        out.printf(Locale.ROOT, "%3s. %s%n", Numbers.grouped(n), Terminal.escape(where(h, show)));
        out.println("     " + Terminal.escape(cut(items, width - 5)));
      }
      for (String w : h.letter().warnings()) {
        // what the parser could not read in this hit's letter, in full (as imr extract shows it)
        out.println("     warning: " + Terminal.escape(w));
      }
      for (SearchResult.Snippet s : h.snippets()) {
        for (String line : Terminal.wrap(s.field() + ": " + escapeKeepingMarks(s.text().replace('\n', ' ')), width - 5)) {
          out.println("     " + mark(line, terminal));
        }
      }
    }
    if (!r.facets().isEmpty()) {
      out.println();
      r.facets().forEach((dim, values) -> {
                // a value and its count stay on one line: a line breaks only between values
        String list = values.isEmpty() ? "-" : values.stream().map(v -> keep(Terminal.escape(v.value()) + " " + Numbers.grouped(v.count())))
            .collect(Collectors.joining(", "));
        for (String line : Terminal.wrap(dim + ": " + list, width - 2)) {
          out.println("  " + line);
        }
      });
    }
  }

  private static String details(SearchResult.Hit h, Decision d) {
    List<String> parts = new ArrayList<>();
    parts.add(d.serviceCategory().toString());
    if (d.drug() != null && d.drug().generic() != null) {
      parts.add(d.drug().generic() + " (" + d.drug().drugClass() + ")");
    }
    if (!h.letter().reviewer().specialties().isEmpty()) {
      parts.add(String.join(", ", h.letter().reviewer().specialties().stream().map(SearchCommand::keep).toList())); // names whole
    }
    if (!h.letter().reviewer().licensureStates().isEmpty()) {
      parts.add(String.join(" ", h.letter().reviewer().licensureStates()));
    }
    return String.join(" | ", parts);
  }

  /** The characters of a letter id a hit shows (imr show takes 8 or more). */
  private static final int ID_SHOWN = 12;

  /**
   * Which letter a hit is in, when it was decided, and how to read it whole:
   * {@code CM14-0041187 | decided 2014-04-02 | imr show CM14-0041187}; a letter without a case
   * number by its id; a decision date that is the letter's date says so, as imr show does.
   */
  static String where(SearchResult.Hit h, String show) {
    DeterminationLetter l = h.letter();
    String key = l.caseNumber() != null ? l.caseNumber() : h.letterId().substring(0, Math.min(ID_SHOWN, h.letterId().length()));
    String decided = LetterSummary.decided(l);
    String date = decided != null ? decided : l.letterDate() != null ? "letter dated " + l.letterDate() : "no date";
    return (l.caseNumber() != null ? key : "letter " + key) + " | " + date + " | " + show + " " + key;
  }

  /** Text that wrapping keeps on one line. */
  private static String keep(String s) {
    return s.replace(' ', Terminal.KEEP);
  }

  /** Escapes control characters of letter text, but not the highlight markers between them. */
  static String escapeKeepingMarks(String s) {
    StringBuilder sb = new StringBuilder();
    StringBuilder piece = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == SearchResult.MARK_START || c == SearchResult.MARK_END) {
        sb.append(Terminal.escape(piece.toString())).append(c);
        piece.setLength(0);
      } else {
        piece.append(c);
      }
    }
    return sb.append(Terminal.escape(piece.toString())).toString();
  }

  /** Highlight markers: bold on a terminal, **word** when piped. */
  static String mark(String s, boolean terminal) {
    return s.replace(String.valueOf(SearchResult.MARK_START), terminal ? "\u001b[1m" : "**")
        .replace(String.valueOf(SearchResult.MARK_END), terminal ? "\u001b[0m" : "**");
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }

  /** A snippet for a web page: text HTML-escaped, matches in {@code <mark>}. */
  static String html(String snippet) {
    return SearchJson.html(snippet);
  }

  private static void csv(SearchResult r, PrintWriter out) throws IOException {
    CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(
        "letter_id", "decision_no", "score", "item", "outcome", "drug_generic", "drug_class", "specialties", "licensure_states", "snippet").get());
    for (SearchResult.Hit h : r.hits()) {
      Decision d = h.decisionNo() == null ? null : h.letter().decisions().get(h.decisionNo());
      List<Object> values = java.util.Arrays.asList(h.letterId(), h.decisionNo(), Math.round(h.score() * 1000) / 1000.0,
          d == null ? null : d.item(), d == null ? null : d.outcome(),
          d == null || d.drug() == null ? null : d.drug().generic(), d == null || d.drug() == null ? null : d.drug().drugClass(),
          String.join(";", h.letter().reviewer().specialties()), String.join(";", h.letter().reviewer().licensureStates()),
          h.snippets().isEmpty() ? null : mark(h.snippets().get(0).text(), false));
      csv.printRecord(values.stream().map(Terminal::escapeControls).toList());
    }
    csv.flush();
  }
}
