package org.imrindex.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.search.ScoreDoc;
import org.imrindex.analysis.AnalysisChain;
import org.imrindex.analysis.MedicalVocabulary;
import org.imrindex.index.IngestListener;
import org.imrindex.index.IngestRequest;
import org.imrindex.index.IngestSummary;
import org.imrindex.index.Ingester;
import org.imrindex.model.Decision;
import org.imrindex.model.DeterminationLetter;
import org.imrindex.parse.IsolatedParser;
import org.imrindex.parse.TextExtractor;

/**
 * The judged queries of {@code corpus-samples/judged-queries.json} and their evaluation over an
 * index: which decisions are relevant comes from hand-written patterns over what the letters say
 * (never the lexicon or the parser's normalized fields), what is found from the index's analysis.
 * Shared by {@link JudgedQueriesTest} and {@link LexiconMutationTest}.
 */
final class JudgedQueries {

  /** The corpus-samples module (tests run in query-engine/). */
  static final Path CORPUS = Path.of("..", "corpus-samples").toAbsolutePath().normalize();
  /** Generated letters beside the bundled and real ones (seeded, so the figures are reproducible). */
  static final int GENERATED = 2000;
  static final long SEED = 5;
  /** Kinds of query whose recall must be complete, but for known misses: the drug concepts. */
  static final Set<String> CONCEPTS = Set.of("class", "generic", "brand");
  /** The medical analysis's precision over all judged queries must be at least this. */
  static final double MIN_PRECISION = 0.95;

  private static final Pattern REFERENCE = Pattern.compile("\\$\\{(\\w+)}");

  private JudgedQueries() {}

  /** Which text of a decision a criterion reads. */
  enum Text {
    /** The disputed request as the letter writes it (the record's raw item text). */
    ITEM,
    /** The decision's rationale. */
    RATIONALE,
    /** The decision's two guideline citations as the letter writes them. */
    GUIDELINE,
    /** The letter's raw file: judges the letter, so all its decisions. */
    SOURCE
  }

  /** A regular expression over one text of a decision. */
  record Criterion(Text text, Pattern pattern) {}

  /** Relevant decisions the medical analysis is known not to find: those a criterion picks out, and why they are missed. */
  record KnownMiss(Criterion criterion, String why) {}

  /**
   * One judged query.
   *
   * @param relevant a decision is relevant when one of these holds
   * @param unless … and none of these
   * @param knownMisses relevant decisions the medical analysis is known not to find
   */
  record Judged(String query, String kind, List<Criterion> relevant, List<Criterion> unless, List<KnownMiss> knownMisses) {
    Judged {
      relevant = List.copyOf(relevant);
      unless = List.copyOf(unless);
      knownMisses = List.copyOf(knownMisses);
    }
  }

  /**
   * One query's outcome under one analysis.
   *
   * @param relevant the relevant decisions' keys ({@code letterId#decisionNo}), sorted
   * @param found the decisions the query finds, sorted
   * @param knownMisses per known miss (by its why), the relevant decisions it picks out, sorted
   */
  record Result(String query, String kind, List<String> relevant, List<String> found, Map<String, List<String>> knownMisses) {
    Result {
      relevant = List.copyOf(relevant);
      found = List.copyOf(found);
      knownMisses = Map.copyOf(knownMisses);
    }

    /** The decisions of every known miss. */
    Set<String> knownMissed() {
      Set<String> out = new TreeSet<>();
      knownMisses.values().forEach(out::addAll);
      return out;
    }

    int correct() {
      Set<String> r = Set.copyOf(relevant);
      return (int) found.stream().filter(r::contains).count();
    }

    /** Relevant decisions not found, sorted. */
    List<String> missed() {
      Set<String> f = Set.copyOf(found);
      return relevant.stream().filter(k -> !f.contains(k)).toList();
    }

    /** Decisions found that are not relevant, sorted. */
    List<String> wrong() {
      Set<String> r = Set.copyOf(relevant);
      return found.stream().filter(k -> !r.contains(k)).toList();
    }

    double recall() {
      return relevant.isEmpty() ? 1 : (double) correct() / relevant.size();
    }

    double precision() {
      return found.isEmpty() ? 1 : (double) correct() / found.size();
    }

    /** The result counted over the decisions whose key passes {@code keep} only. */
    Result restrictedTo(Predicate<String> keep) {
      Map<String, List<String>> known = new TreeMap<>();
      knownMisses.forEach((why, keys) -> known.put(why, keys.stream().filter(keep).toList()));
      return new Result(query, kind, relevant.stream().filter(keep).toList(), found.stream().filter(keep).toList(), known);
    }
  }

  /**
   * The outcome of every judged query, in file order, with each decision's item text (for reading
   * the errors).
   */
  record Evaluation(List<Result> results, Map<String, String> items) {
    Evaluation {
      results = List.copyOf(results);
      items = Map.copyOf(items);
    }

    /** The result of {@code query}. */
    Result of(String query) {
      return results.stream().filter(r -> r.query().equals(query)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no judged query " + query));
    }
  }

  /** Reads the judged queries: each criterion's named patterns resolved, its regular expression compiled. */
  static List<Judged> load(Path json) throws IOException {
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    Map<String, String> patterns = new HashMap<>();
    root.get("patterns").fields().forEachRemaining(e -> {
      List<String> names = new ArrayList<>();
      e.getValue().forEach(n -> names.add(n.asText()));
      // one of the names as a whole word: no letter before or after (digits may follow: Norco10/325)
      patterns.put(e.getKey(), "(?<![a-z])(?:" + String.join("|", names) + ")(?![a-z])");
    });
    List<Judged> out = new ArrayList<>();
    for (JsonNode q : root.get("queries")) {
      List<KnownMiss> known = new ArrayList<>();
      if (q.has("knownMisses")) {
        for (JsonNode k : q.get("knownMisses")) {
          List<Criterion> c = criteria(k.get("decisions"), patterns);
          if (c.size() != 1 || !k.has("why")) {
            throw new IllegalArgumentException(q.get("query").asText() + ": a known miss names its decisions by one criterion, and says why");
          }
          known.add(new KnownMiss(c.get(0), k.get("why").asText()));
        }
      }
      out.add(new Judged(q.get("query").asText(), q.get("kind").asText(), criteria(q.get("relevant"), patterns),
          q.has("unless") ? criteria(q.get("unless"), patterns) : List.of(), known));
    }
    return List.copyOf(out);
  }

  private static List<Criterion> criteria(JsonNode node, Map<String, String> patterns) {
    List<Criterion> out = new ArrayList<>();
    node.fields().forEachRemaining(e -> {
      Text text = switch (e.getKey()) {
        case "item" -> Text.ITEM;
        case "rationale" -> Text.RATIONALE;
        case "guideline" -> Text.GUIDELINE;
        case "source" -> Text.SOURCE;
        default -> throw new IllegalArgumentException("unknown criterion " + e.getKey()
            + " (criteria are item, rationale, guideline and source: patterns over what the letter says)");
      };
      out.add(new Criterion(text, Pattern.compile(resolve(e.getValue().asText(), patterns, 0), Pattern.CASE_INSENSITIVE)));
    });
    return out;
  }

  /** Replaces every {@code ${name}} by its named pattern (which may refer to others). */
  private static String resolve(String regex, Map<String, String> patterns, int depth) {
    if (depth > 5) {
      throw new IllegalArgumentException("named patterns refer to each other in a loop: " + regex);
    }
    Matcher m = REFERENCE.matcher(regex);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String p = patterns.get(m.group(1));
      if (p == null) {
        throw new IllegalArgumentException("no pattern named " + m.group(1));
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(resolve(p, patterns, depth + 1)));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** The letters judged: the bundled ones, the real ones ({@code .txt} files only) and a generated corpus. */
  static List<Path> inputs(Path generated) throws IOException {
    List<Path> inputs = new ArrayList<>();
    inputs.add(CORPUS.resolve("letters"));
    inputs.addAll(realLetters());
    inputs.add(generated);
    return inputs;
  }

  /** The real letters of {@code corpus-samples/real-letters}, in name order (the folder's README is not one). */
  static List<Path> realLetters() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS.resolve("real-letters"))) {
      return files.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
    }
  }

  /**
   * Indexes {@code inputs} into {@code index} with a fixed set-up: one thread, one commit (so the
   * index, and which file of a letter read twice is kept, is the same on every run).
   */
  static IngestSummary index(Path index, List<Path> inputs, AnalysisChain chain) throws IOException {
    return new Ingester(new IngestRequest(index, inputs, 1, 1_000_000, Duration.ofHours(1),
        IsolatedParser.Options.defaults(), chain), IngestListener.NONE).run();
  }

  /** Runs every judged query over the index, its queries analyzed with {@code vocabulary} (medical chain only). */
  static Evaluation evaluate(List<Judged> judged, Path index, MedicalVocabulary vocabulary) throws IOException, QuerySyntaxException {
    List<Result> out = new ArrayList<>();
    Map<String, String> items = new HashMap<>();
    try (QueryIndex qi = QueryIndex.open(index, vocabulary)) {
      QueryBuilder builder = new QueryBuilder(qi);
      Map<Integer, String> keyOf = new HashMap<>();
      Map<String, Decision> decisions = new TreeMap<>();
      Map<String, DeterminationLetter> letters = new HashMap<>();
      new Exporter(qi).walk(builder.decisions(null, false, Filters.none()), (doc, letterId, letter, no) -> {
        String key = letterId + "#" + no;
        keyOf.put(doc, key);
        decisions.put(key, letter.decisions().get(no));
        letters.put(letterId, letter);
        items.put(key, letter.decisions().get(no).item());
      });
      Map<String, String> sources = new HashMap<>();
      for (Judged q : judged) {
        Map<Criterion, Map<String, Boolean>> byLetter = new HashMap<>();
        List<String> relevant = new ArrayList<>();
        Map<String, List<String>> known = new TreeMap<>();
        q.knownMisses().forEach(k -> known.put(k.why(), new ArrayList<>()));
        for (Map.Entry<String, Decision> d : decisions.entrySet()) {
          String letterId = d.getKey().substring(0, d.getKey().lastIndexOf('#'));
          Predicate<Criterion> holds = c -> switch (c.text()) {
            case ITEM -> find(c.pattern(), d.getValue().item());
            case RATIONALE -> find(c.pattern(), d.getValue().rationale());
            case GUIDELINE -> find(c.pattern(), d.getValue().claimsAdministratorGuideline()) || find(c.pattern(), d.getValue().reviewerGuideline());
            case SOURCE -> byLetter.computeIfAbsent(c, x -> new HashMap<>()).computeIfAbsent(letterId,
                id -> find(c.pattern(), sources.computeIfAbsent(id, x -> source(letters.get(x)))));
          };
          if (q.relevant().stream().anyMatch(holds) && q.unless().stream().noneMatch(holds)) {
            relevant.add(d.getKey());
            for (KnownMiss k : q.knownMisses()) {
              if (holds.test(k.criterion())) {
                known.computeIfAbsent(k.why(), x -> new ArrayList<>()).add(d.getKey());
              }
            }
          }
        }
        ScoreDoc[] hits = qi.searcher().search(builder.decisions(q.query(), false, Filters.none()),
            Math.max(1, qi.searcher().getIndexReader().maxDoc())).scoreDocs;
        TreeSet<String> found = new TreeSet<>();
        for (ScoreDoc sd : hits) {
          found.add(keyOf.get(sd.doc));
        }
        Map<String, List<String>> knownKeys = new TreeMap<>();
        known.forEach((why, keys) -> knownKeys.put(why, List.copyOf(keys)));
        out.add(new Result(q.query(), q.kind(), relevant, List.copyOf(found), knownKeys));
      }
    }
    return new Evaluation(out, items);
  }

  private static boolean find(Pattern p, String text) {
    return text != null && p.matcher(text).find();
  }

  /** The letter's raw file as text (judged as written: no cleaning, no hyphen repair). */
  private static String source(DeterminationLetter letter) {
    if ("application/pdf".equals(letter.source().contentType())) {
      throw new IllegalStateException("a letter judged by its raw text was read from a PDF: " + letter.source().path());
    }
    try {
      return TextExtractor.decode(Files.readAllBytes(Path.of(letter.source().path())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Relevant decisions of concept queries that are not found and not known misses: each one line. */
  static List<String> unexpectedMisses(List<Result> results) {
    List<String> out = new ArrayList<>();
    for (Result r : results) {
      if (CONCEPTS.contains(r.kind())) {
        Set<String> known = r.knownMissed();
        List<String> missed = r.missed().stream().filter(k -> !known.contains(k)).toList();
        if (!missed.isEmpty()) {
          out.add(String.format(Locale.ROOT, "%s finds %d of %d relevant decisions, misses %s", r.query(), r.correct(),
              r.relevant().size(), missed.size() > 10 ? missed.subList(0, 10) + "…" : missed));
        }
      }
    }
    return out;
  }

  /** Known misses that pick out no relevant decision, or whose decisions are found after all: the list needs updating. */
  static List<String> staleKnownMisses(List<Result> results) {
    List<String> out = new ArrayList<>();
    for (Result r : results) {
      Set<String> found = Set.copyOf(r.found());
      r.knownMisses().forEach((why, keys) -> {
        List<String> foundNow = keys.stream().filter(found::contains).toList();
        if (keys.isEmpty()) {
          out.add(r.query() + ": the known miss '" + why + "' picks out no relevant decision");
        } else if (!foundNow.isEmpty()) {
          out.add(r.query() + ": the known miss '" + why + "' is found now: " + foundNow);
        }
      });
    }
    return out;
  }

  /**
   * Everything the judged check fails on, one line each (empty: it passes): concept queries' missed
   * decisions beyond the known misses, known misses no longer missed, overall precision below
   * {@link #MIN_PRECISION}.
   */
  static List<String> failures(List<Result> results) {
    List<String> out = new ArrayList<>(unexpectedMisses(results));
    out.addAll(staleKnownMisses(results));
    Totals t = totals(results, k -> true);
    if (t.precision() < MIN_PRECISION) {
      out.add(String.format(Locale.ROOT, "overall precision %.3f below %.2f", t.precision(), MIN_PRECISION));
    }
    return out;
  }

  /** Micro-averaged counts over several results. */
  record Totals(int relevant, int found, int correct) {
    double recall() {
      return relevant == 0 ? 1 : (double) correct / relevant;
    }

    double precision() {
      return found == 0 ? 1 : (double) correct / found;
    }
  }

  static Totals totals(List<Result> results, Predicate<String> kind) {
    int rel = 0;
    int found = 0;
    int correct = 0;
    for (Result r : results) {
      if (kind.test(r.kind())) {
        rel += r.relevant().size();
        found += r.found().size();
        correct += r.correct();
      }
    }
    return new Totals(rel, found, correct);
  }

  /** The side-by-side table: per query, then per kind and overall (micro-averaged), then per kind on the real letters alone. */
  static String table(String title, List<Result> medical, List<Result> standard, Predicate<String> real, int realLetters) {
    StringBuilder sb = new StringBuilder(title).append("\n\n");
    sb.append("| query | kind | relevant | medical found | medical R | medical P | standard found | standard R | standard P |\n");
    sb.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (int i = 0; i < medical.size(); i++) {
      Result m = medical.get(i);
      Result s = standard.get(i);
      sb.append(String.format(Locale.ROOT, "| `%s` | %s | %d | %d | %s | %s | %d | %s | %s |%n", m.query().replace("|", "\\|"), m.kind(),
          m.relevant().size(), m.found().size(), pct(m.recall()), pct(m.precision()), s.found().size(), pct(s.recall()), pct(s.precision())));
    }
    sb.append('\n');
    kinds(sb, medical, standard);
    sb.append(String.format(Locale.ROOT, "%nOn the %d real letters alone:%n%n", realLetters));
    kinds(sb, medical.stream().map(r -> r.restrictedTo(real)).toList(), standard.stream().map(r -> r.restrictedTo(real)).toList());
    return sb.toString();
  }

  private static void kinds(StringBuilder sb, List<Result> medical, List<Result> standard) {
    sb.append("| kind | queries | relevant | medical R | medical P | standard R | standard P |\n|---|---:|---:|---:|---:|---:|---:|\n");
    Map<String, Integer> kinds = new LinkedHashMap<>();
    medical.forEach(r -> kinds.merge(r.kind(), 1, Integer::sum));
    kinds.put("all", medical.size());
    for (Map.Entry<String, Integer> k : kinds.entrySet()) {
      Predicate<String> p = k.getKey().equals("all") ? x -> true : k.getKey()::equals;
      Totals m = totals(medical, p);
      Totals s = totals(standard, p);
      sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %s | %s |%n", k.getKey(), k.getValue(), m.relevant(),
          pct(m.recall()), pct(m.precision()), pct(s.recall()), pct(s.precision())));
    }
  }

  /** Every wrong and missed decision, one line each ({@code query, wrong|missed|known miss, key, item}), to read when a figure moves. */
  static String errors(Evaluation e) {
    StringBuilder sb = new StringBuilder();
    for (Result r : e.results()) {
      for (String k : r.wrong()) {
        sb.append(r.query()).append("\twrong\t").append(k).append('\t').append(oneLine(e.items().get(k))).append('\n');
      }
      for (String k : r.missed()) {
        sb.append(r.query()).append(r.knownMissed().contains(k) ? "\tknown miss\t" : "\tmissed\t").append(k).append('\t')
            .append(oneLine(e.items().get(k))).append('\n');
      }
    }
    return sb.toString();
  }

  private static String oneLine(String s) {
    return s == null ? "-" : s.replaceAll("\\s+", " ");
  }

  private static String pct(double v) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }
}
