package org.imrindex.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.imrindex.analysis.AnalysisChain;
import org.imrindex.schema.FacetDimension;
import org.imrindex.schema.IndexField;
import org.imrindex.query.IndexStats;
import org.imrindex.index.IngestListener;
import org.imrindex.index.IngestRequest;
import org.imrindex.index.Ingester;
import org.imrindex.index.InputFiles;
import org.imrindex.schema.NoIndexException;
import org.imrindex.parse.TextExtractor;
import org.imrindex.query.Filters;
import org.imrindex.query.Level;
import org.imrindex.query.QueryIndex;
import org.imrindex.query.Report;
import org.imrindex.query.ReportRequest;
import org.imrindex.query.ReportSort;
import org.imrindex.query.Reporter;
import org.imrindex.query.SearchRequest;
import org.imrindex.query.SearchResult;
import org.imrindex.query.SearchSort;
import org.imrindex.query.Searcher;
import org.imrindex.query.SignificantTerms;
import org.imrindex.query.TermsRequest;
import org.imrindex.query.TermsResult;

/**
 * The same questions asked of imr and of SQLite FTS5 over one generated corpus: SQLite's load time,
 * warm query latency (p50, p99) of both, a full scan of the files for a phrase (Java and grep), and
 * the cold start of {@code ./imr} processes with and without the startup cache. Before timing, both
 * systems' counts for the same questions are printed side by side with why they differ where their
 * analyses do; where they must agree and do not, the run fails (stderr, exit status 1). Prints a
 * table and writes {@code bench-query-N.json} beside the corpus.
 *
 * <p>Usage: {@code bin/bench query [--count N] [--seed S] [--dir DIR] [--runs R] [--cold-runs C] [--terms-runs T]}
 */
public final class QueryBenchmark {

  private QueryBenchmark() {}

  /** One timed question: ours and SQLite's latencies in milliseconds. */
  record Latency(String question, String sqliteSays, double[] ours, double[] sqlite) {}

  /** A question asked of either system. */
  @FunctionalInterface
  interface Question {
    void ask() throws Exception;
  }

  public static void main(String[] args) throws Exception {
    AnswerCheck.exitOnWrongAnswer(() -> run(args));
  }

  private static void run(String[] args) throws Exception {
    BenchArgs a = BenchArgs.parse("query", args, "--count", "100000", "--seed", "42", "--dir", BenchArgs.DEFAULT_DIR,
        "--runs", "200", "--cold-runs", "10", "--terms-runs", "5");
    int count = a.integer("--count");
    long seed = a.number("--seed");
    Path dir = a.path("--dir");
    int runs = a.integer("--runs");
    int coldRuns = a.integer("--cold-runs");
    int termsRuns = a.integer("--terms-runs");
    Path corpus = IndexBenchmark.corpus(dir, count, seed);
    Path index = dir.resolve("index-query-" + count + "-" + seed);
    if (!hasLetters(index, count) && hasLetters(dir.resolve("index-imr"), count)) {
      index = dir.resolve("index-imr"); // left by bin/bench index on the same corpus
    }
    if (!hasLetters(index, count)) {
      System.out.printf(Locale.ROOT, "indexing %s into %s%n", corpus, index);
      IndexBenchmark.fresh(index);
      new Ingester(IngestRequest.defaults(index, List.of(corpus), Runtime.getRuntime().availableProcessors(),
          AnalysisChain.MEDICAL), IngestListener.NONE).run();
    }
    List<Path> files = InputFiles.expand(List.of(corpus)).files();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("benchmark", "query");
    json.put("letters", count);
    StringBuilder table = new StringBuilder();

    try (QueryIndex qi = QueryIndex.open(index);
        SqliteBaseline sqlite = new SqliteBaseline(dir.resolve("sqlite-" + count + "-" + seed + ".db"))) {
      double textSeconds = sqlite.loadTexts(files);
      double decisionSeconds = sqlite.loadDecisions(files, qi);
      json.put("sqliteTextLoadSeconds", textSeconds);
      json.put("sqliteDecisionLoadSeconds", decisionSeconds);
      table.append(String.format(Locale.ROOT, "SQLite FTS5 load, one transaction, %,d letters: texts %.1f s (%,.0f letters/s),"
          + " decisions table %.1f s (from imr's records: parsing not counted)%n%n", count, textSeconds, count / textSeconds, decisionSeconds));

      // the same answers before the speed of getting them: printed now, so that they show even when the run fails
      Answers answers = answers(qi, sqlite, files);
      System.out.println();
      System.out.print(answers.table());
      json.put("answers", answers.rows());
      answers.check().orFail();

      List<Latency> latencies = latencies(qi, sqlite, runs, termsRuns);
      table.append(String.format(Locale.ROOT, "warm latency, ms (%d runs after warm-up)      imr p50    p99   SQLite p50    p99%n", runs));
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Latency l : latencies) {
        table.append(String.format(Locale.ROOT, "  %-40s %8.1f %6.1f %12.1f %6.1f  %s%n", l.question(), pct(l.ours(), 50), pct(l.ours(), 99),
            pct(l.sqlite(), 50), pct(l.sqlite(), 99), l.sqliteSays()));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("question", l.question());
        row.put("runs", l.ours().length);
        row.put("imrP50Ms", pct(l.ours(), 50));
        row.put("imrP99Ms", pct(l.ours(), 99));
        row.put("sqliteP50Ms", pct(l.sqlite(), 50));
        row.put("sqliteP99Ms", pct(l.sqlite(), 99));
        row.put("sqliteAnswer", l.sqliteSays());
        rows.add(row);
      }
      json.put("warm", rows);
    }

    String phrase = "functional improvement";
    double javaScan = scan(files, phrase);
    table.append(String.format(Locale.ROOT, "%nfull scan of the files for \"%s\": Java %.0f ms", phrase, javaScan));
    json.put("javaScanMs", javaScan);
    double grep = external(List.of("grep", "-rliF", phrase, corpus.toString()));
    if (grep >= 0) {
      table.append(String.format(Locale.ROOT, ", grep -rliF %.0f ms", grep));
      json.put("grepMs", grep);
    }
    double rg = external(List.of("rg", "-liF", phrase, corpus.toString()));
    table.append(rg >= 0 ? String.format(Locale.ROOT, ", ripgrep %.0f ms%n", rg) : " (ripgrep not installed)\n");
    if (rg >= 0) {
      json.put("ripgrepMs", rg);
    }

    String root = System.getProperty("imr.root");
    if (root != null && coldRuns > 0) {
      Path imr = Path.of(root, "imr");
      table.append(String.format(Locale.ROOT, "%ncold start, wall ms of ./imr as a new process (median of %d; startup cache on / off)%n", coldRuns));
      Map<String, Object> cold = new LinkedHashMap<>();
      for (List<String> command : List.of(
          List.of("report", "--index", index.toString(), "--by", "drug_class"),
          List.of("search", "--index", index.toString(), "\"" + phrase + "\""))) {
        double on = cold(imr, command, "on", coldRuns);
        double off = cold(imr, command, "off", coldRuns);
        table.append(String.format(Locale.ROOT, "  imr %-8s %8.0f %8.0f   cache saves %.0f%%%n", command.get(0), on, off, 100 * (1 - on / off)));
        cold.put(command.get(0) + "WithCacheMs", on);
        cold.put(command.get(0) + "WithoutCacheMs", off);
      }
      json.put("cold", cold);
    }
    System.out.println();
    System.out.print(table);
    String out = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(json);
    Files.writeString(dir.resolve("bench-query-" + count + ".json"), out + "\n", StandardCharsets.UTF_8);
    System.out.println(out);
  }

  private static boolean hasLetters(Path index, int count) throws IOException {
    try {
      return IndexStats.read(index).letters() == count;
    } catch (NoIndexException | org.imrindex.schema.IncompatibleIndexException e) {
      return false; // none yet, or one in an older layout: build it again
    }
  }

  /**
   * What each system answered, side by side, and the check of it.
   *
   * @param table one line a question and count: imr's, SQLite's, and whether and why they differ
   * @param rows the same for the JSON
   * @param check the comparisons that must hold; {@link AnswerCheck#orFail()} fails the run
   */
  record Answers(String table, List<Map<String, Object>> rows, AnswerCheck check) {}

  /**
   * Asks both systems the timed questions for their counts. Where both must agree they are
   * compared (the decision facts of both come from imr's records, and a word that both tokenizers
   * keep whole matches the same letters); where the analyses differ the two counts are shown with
   * the reason, and checked against a plain scan of the files where one can tell the right count.
   */
  static Answers answers(QueryIndex qi, SqliteBaseline sqlite, List<Path> files) throws Exception {
    // imr asks text: (the whole letter), as FTS5 searches the whole file: a bare word searches only each decision's own text
    Searcher searcher = new Searcher(qi);
    AnswerCheck check = new AnswerCheck("query");
    List<Map<String, Object>> rows = new ArrayList<>();
    StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "the same questions' answers, checked before timing %18s %10s%n",
        "imr", "SQLite"));

    long term = letters(searcher, "text:radiculopathy");
    long termSql = sqlite.letters("radiculopathy");
    check.same("term radiculopathy: letters, SQLite vs imr", termSql, term);
    answer(t, rows, "term: radiculopathy, letters", term, termSql, "must agree: one word, stemmed alike on both sides of each analysis (porter, KStem)");

    PhraseScan scan = PhraseScan.of(files, "functional", "improvement");
    long phrase = letters(searcher, "text:\"functional improvement\"");
    long phraseSql = sqlite.letters("\"functional improvement\"");
    int across = scan.acrossPageBreaksOnly().size();
    check.same("phrase \"functional improvement\": imr letters vs a scan of the files without page furniture",
        (long) scan.withoutPageFurniture().size(), phrase);
    check.same("phrase \"functional improvement\": SQLite letters vs a scan of the files as written", (long) scan.asWritten().size(), phraseSql);
    answer(t, rows, "phrase: \"functional improvement\", letters", phrase, phraseSql, across == 0
        ? "must agree: stemming joins no other words to these two, and no letter has them across a page break"
        : String.format(Locale.ROOT, "imr +%d: the phrase runs across a page break; imr reads the text without page footers and running"
            + " heads, SQLite the file as written (both counts equal a scan of the files)", across));

    long near = letters(searcher, "text:\"ongoing improvement\"~5");
    long nearSql = sqlite.letters("NEAR(ongoing improvement, 5)");
    answer(t, rows, "proximity: \"ongoing improvement\"~5, letters", near, nearSql, near == nearSql ? "agree (not required)"
        : "not compared: Lucene's slop counts moves (a reversed pair costs 2) over the text without page furniture;"
            + " FTS5 NEAR counts the words between, in either order, page footers included");

    long concept = letters(searcher, "item:benzodiazepine");
    long conceptSql = sqlite.letters(BENZODIAZEPINES);
    check.same("concept item:benzodiazepine vs the OR of the names: letters, SQLite vs imr", conceptSql, concept);
    answer(t, rows, "concept: item:benzodiazepine, letters", concept, conceptSql,
        "must agree: imr expands the class by synonyms, SQLite gets the names; the generated letters name a drug"
            + " only in its item, by a lexicon name");

    // the phrase in opioid decisions: imr also finds the decisions of the letters with the phrase across a page break
    Filters opioid = new Filters(Map.of(FacetDimension.DRUG_CLASS.dim(), List.of("opioid")), Map.of());
    SearchResult facets = searcher.search(search("text:\"functional improvement\"", opioid,
        List.of(FacetDimension.OUTCOME, FacetDimension.SPECIALTY, FacetDimension.DECISION_YEAR)));
    for (String dim : new String[] {null, "outcome", "decision_year"}) {
      Map<String, Long> imr = new java.util.TreeMap<>();
      if (dim == null) {
        imr.put("", facets.total());
      } else {
        facets.facets().getOrDefault(dim, List.of()).forEach(c -> imr.put(c.value(), c.count()));
      }
      imr.values().removeIf(n -> n == 0); // SQL has no group without rows
      Map<String, Long> sql = sqlite.matchingDecisionsBy(dim, "\"functional improvement\"", "opioid");
      Map<String, Long> expected = new java.util.TreeMap<>(sql);
      sqlite.decisionsOfLettersBy(dim, scan.acrossPageBreaksOnly(), "opioid").forEach((k, v) -> expected.merge(k, v, Long::sum));
      String what = "phrase + drug_class=opioid: decisions" + (dim == null ? "" : ", by " + dim);
      check.sameCounts(what + ", imr vs SQLite plus the letters with the phrase across a page break", expected, imr);
      answer(t, rows, what, imr, sql, (imr.equals(sql) ? "must agree" : "imr also counts the opioid decisions of the " + across
          + (across == 1 ? " letter" : " letters") + " with the phrase across a page break (checked)") + (dim == null ? "" : ", value by value"));
    }
    answer(t, rows, "phrase + drug_class=opioid: decisions, by specialty", "-", "-",
        "not compared: specialty is multi-valued; SQLite groups the joined column (\"A|B\"), imr counts each value");

    Reporter reporter = new Reporter(qi);
    Map<String, List<Long>> byClass = new java.util.TreeMap<>();
    for (Report.Row row : reporter.run(report(FacetDimension.DRUG_CLASS)).rows()) {
      if (row.hasNone()) {
        continue; // decisions without a class: SQLite's GROUP BY compares classes only
      }
      byClass.put(row.keys().get(0), List.of(row.n(), row.upheld()));
    }
    Map<String, List<Long>> byClassSql = sqlite.reportCounts("drug_class");
    check.sameCounts("report --by drug_class [decisions, upheld], SQLite vs imr", byClassSql, byClass);
    answer(t, rows, "report --by drug_class: decisions with a class", byClass, byClassSql,
        "must agree, group by group (" + byClass.size() + " classes): SQLite's decisions are imr's records");

    Map<String, List<Long>> pairs = new java.util.TreeMap<>();
    for (Report.Row row : reporter.run(report(FacetDimension.DRUG_CLASS, FacetDimension.OUTCOME)).rows()) {
      if (row.hasNone()) {
        continue;
      }
      pairs.put(row.keys().get(0) + "|" + row.keys().get(1), List.of(row.n(), row.upheld()));
    }
    Map<String, List<Long>> pairsSql = sqlite.reportCounts("drug_class", "outcome");
    check.sameCounts("report --by drug_class --by outcome [decisions, upheld], SQLite vs imr", pairsSql, pairs);
    answer(t, rows, "report --by drug_class --by outcome: decisions", pairs, pairsSql,
        "must agree, group by group (" + pairs.size() + " pairs)");

    TermsResult terms = new SignificantTerms(qi).run(new TermsRequest(IndexField.RATIONALE, null, false, true, Filters.none(), 20));
    Map<String, Long> sides = new java.util.TreeMap<>(Map.of(terms.labelA(), terms.decisionsA(), terms.labelB(), terms.decisionsB()));
    Map<String, Long> sidesSql = new java.util.TreeMap<>();
    sqlite.reportCounts("outcome").forEach((k, v) -> sidesSql.put(k, v.get(0)));
    check.sameCounts("terms --compare outcome: decisions on each side, SQLite vs imr", sidesSql, sides);
    answer(t, rows, "terms --compare outcome: decisions", sides, sidesSql,
        "must agree on each side (SQLite has no term statistics: counts only)");
    return new Answers(t.toString(), rows, check);
  }

  private static long letters(Searcher searcher, String query) throws Exception {
    return searcher.search(new SearchRequest(query, false, Filters.none(), List.of(), Level.LETTER, 1, 0, SearchSort.RELEVANCE)).total();
  }

  private static void answer(StringBuilder t, List<Map<String, Object>> rows, String question, Object imr, Object sqlite, String why) {
    t.append(String.format(Locale.ROOT, "  %-56s %10s %10s  %s%n", question, shown(imr), shown(sqlite), why));
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("question", question);
    row.put("imr", imr);
    row.put("sqlite", sqlite);
    row.put("why", why);
    rows.add(row);
  }

  /** A count; for counts by group, their sum (the first of each group's figures: its decisions). */
  private static String shown(Object v) {
    if (v instanceof Map<?, ?> m) {
      long sum = 0;
      for (Object x : m.values()) {
        sum += x instanceof List<?> l ? ((Number) l.get(0)).longValue() : ((Number) x).longValue();
      }
      return String.valueOf(sum);
    }
    return String.valueOf(v);
  }

  private static List<Latency> latencies(QueryIndex qi, SqliteBaseline sqlite, int runs, int termsRuns) throws Exception {
    Searcher searcher = new Searcher(qi);
    Reporter reporter = new Reporter(qi);
    SignificantTerms terms = new SignificantTerms(qi);
    List<Latency> out = new ArrayList<>();
    // words the generated letters use (they never write "opioid"; a class query expands to its drugs)
    out.add(time("term: radiculopathy, top 10 + snippets", "FTS5 MATCH, snippet(), count(*)", runs,
        () -> searcher.search(search("text:radiculopathy", Filters.none(), List.of())), () -> sqlite.search("radiculopathy")));
    out.add(time("phrase: \"functional improvement\"", "FTS5 phrase", runs,
        () -> searcher.search(search("text:\"functional improvement\"", Filters.none(), List.of())),
        () -> sqlite.search("\"functional improvement\"")));
    out.add(time("proximity: \"ongoing improvement\"~5", "FTS5 NEAR(ongoing improvement, 5)", runs,
        () -> searcher.search(search("text:\"ongoing improvement\"~5", Filters.none(), List.of())),
        () -> sqlite.search("NEAR(ongoing improvement, 5)")));
    out.add(time("concept: item:benzodiazepine (drugs)", "FTS5 OR of the 20 benzodiazepine names", runs,
        () -> searcher.search(search("item:benzodiazepine", Filters.none(), List.of())),
        () -> sqlite.search(BENZODIAZEPINES)));
    Filters opioid = new Filters(Map.of(FacetDimension.DRUG_CLASS.dim(), List.of("opioid")), Map.of());
    out.add(time("phrase + filter + 3 facets", "join decisions, 3 GROUP BY", runs,
        () -> searcher.search(search("text:\"functional improvement\"", opioid,
            List.of(FacetDimension.OUTCOME, FacetDimension.SPECIALTY, FacetDimension.DECISION_YEAR))),
        () -> sqlite.filteredSearchWithFacets("\"functional improvement\"", "opioid")));
    out.add(time("report --by drug_class", "GROUP BY drug_class", runs,
        () -> reporter.run(report(FacetDimension.DRUG_CLASS)), () -> sqlite.report("drug_class")));
    out.add(time("report --by drug_class --by outcome", "GROUP BY drug_class, outcome", runs,
        () -> reporter.run(report(FacetDimension.DRUG_CLASS, FacetDimension.OUTCOME)), () -> sqlite.report("drug_class", "outcome")));
    // the significant-terms pass re-analyzes every rationale: a few runs, not hundreds
    out.add(time("terms --compare outcome", "GROUP BY outcome only (no term statistics)", termsRuns,
        () -> terms.run(new TermsRequest(IndexField.RATIONALE, null, false, true, Filters.none(), 20)), () -> sqlite.report("outcome")));
    // imr overview: its reports, the monthly trend and the terms, drawn as one HTML page with SVG charts
    org.imrindex.chart.Overviewer overviewer = new org.imrindex.chart.Overviewer(qi);
    org.imrindex.chart.HtmlPage.Provenance provenance = new org.imrindex.chart.HtmlPage.Provenance("bench", null, "bench", "bench", "bench");
    out.add(time("overview (6 reports, trend, terms, HTML + SVG)", "the 7 GROUP BYs and GROUP BY outcome", termsRuns,
        () -> org.imrindex.chart.HtmlPage.overview(overviewer.run(new org.imrindex.chart.Overview.Request(null, false, Filters.none(), 10, 15)), provenance),
        () -> {
          for (FacetDimension d : org.imrindex.chart.Overviewer.DIMENSIONS) {
            sqlite.report(d.dim());
          }
          sqlite.report("decision_month");
          sqlite.report("outcome");
        }));
    return out;
  }

  /** The benzodiazepines of the lexicon, as a researcher would spell them out for FTS5. */
  static final String BENZODIAZEPINES = String.join(" OR ", org.imrindex.lexicon.DrugLexicon.standard().entries().stream()
      .filter(e -> e.drugClass() == org.imrindex.lexicon.DrugClass.BENZODIAZEPINE && !e.name().contains(" "))
      .map(e -> e.name().toLowerCase(Locale.ROOT)).distinct().toList());

  private static SearchRequest search(String q, Filters f, List<FacetDimension> facets) {
    return new SearchRequest(q, false, f, facets, Level.DECISION, 10, 0, SearchSort.RELEVANCE);
  }

  private static ReportRequest report(FacetDimension... by) {
    return new ReportRequest(List.of(by), null, false, Filters.none(), Level.DECISION, 1, ReportSort.N);
  }

  /** Warm-up (a tenth of the runs, at least 3), then the timed runs of each system, in ms. */
  private static Latency time(String question, String sqliteSays, int runs, Question ours, Question sqlite) throws Exception {
    return new Latency(question, sqliteSays, times(ours, runs), times(sqlite, runs));
  }

  private static double[] times(Question q, int runs) throws Exception {
    for (int i = 0; i < Math.max(Math.min(3, runs), runs / 10); i++) {
      q.ask();
    }
    double[] t = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      q.ask();
      t[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(t);
    return t;
  }

  /** The p-th percentile (nearest rank) of sorted times. */
  static double pct(double[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** Reads every file and looks for the phrase, case-insensitively; the second of two passes (warm page cache). */
  private static double scan(List<Path> files, String phrase) throws IOException {
    double ms = 0;
    for (int pass = 0; pass < 2; pass++) {
      long t0 = System.nanoTime();
      int hits = 0;
      for (Path f : files) {
        if (TextExtractor.decode(Files.readAllBytes(f)).toLowerCase(Locale.ROOT).contains(phrase)) {
          hits++;
        }
      }
      ms = (System.nanoTime() - t0) / 1e6;
      if (hits == 0) {
        throw new IllegalStateException("no file has the phrase");
      }
    }
    return ms;
  }

  /** Wall time of a command (second of two runs), or -1 when it is not installed. */
  private static double external(List<String> command) throws InterruptedException {
    double ms = -1;
    for (int pass = 0; pass < 2; pass++) {
      try {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor();
        ms = (System.nanoTime() - t0) / 1e6;
      } catch (IOException e) {
        return -1;
      }
    }
    return ms;
  }

  /** Median wall time of {@code imr COMMAND} as a new process, after one untimed run (which may build). */
  private static double cold(Path imr, List<String> command, String cache, int runs) throws IOException, InterruptedException {
    double[] t = new double[runs];
    for (int i = -1; i < runs; i++) {
      List<String> cmd = new ArrayList<>();
      cmd.add(imr.toString());
      cmd.addAll(command);
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD);
      pb.environment().put("IMR_AOT", cache);
      long t0 = System.nanoTime();
      int exit = pb.start().waitFor();
      if (exit != 0) {
        throw new IllegalStateException("imr " + command + " exited " + exit);
      }
      if (i >= 0) {
        t[i] = (System.nanoTime() - t0) / 1e6;
      }
    }
    Arrays.sort(t);
    return pct(t, 50);
  }
}
