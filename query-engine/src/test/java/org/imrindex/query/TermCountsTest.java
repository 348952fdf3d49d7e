package org.imrindex.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.FixedBitSet;
import org.imrindex.analysis.AnalysisChain;
import org.imrindex.corpus.GeneratedCorpus;
import org.imrindex.index.IngestListener;
import org.imrindex.index.IngestRequest;
import org.imrindex.index.IngestSummary;
import org.imrindex.index.Ingester;
import org.imrindex.model.Decision;
import org.imrindex.model.DeterminationLetter;
import org.imrindex.model.Layout;
import org.imrindex.model.Outcome;
import org.imrindex.parse.IsolatedParser;
import org.imrindex.schema.IndexField;
import org.imrindex.schema.LetterDocuments;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The counts {@code imr terms} scores equal a plain count of the same decisions: each letter's whole
 * record read, its text analyzed, each term and two-word phrase a String in a HashMap, a decision's
 * terms deduplicated by a HashSet. Over the bundled letters and 400 generated ones, for each text field,
 * comparing outcomes and comparing a query's decisions with the rest.
 */
class TermCountsTest {

  private static final CharArraySet STOP = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
  private static final Pattern NUMBER = Pattern.compile("[0-9]+|one|two|three|four|five|six|seven|eight|nine|ten");
  private static final Pattern LETTER_AS = Pattern.compile("A['\u2019]?s");
  private static final List<String> NUMBER_WORDS = List.of("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");

  @TempDir
  static Path tmp;

  private static QueryIndex qi;

  @BeforeAll
  static void indexBundledAndGeneratedLetters() throws IOException {
    Path generated = tmp.resolve("generated");
    GeneratedCorpus.write(generated, 400, 7);
    Path letters = Path.of("..", "corpus-samples", "letters").toAbsolutePath().normalize();
    Path index = tmp.resolve("index");
    IngestSummary s = new Ingester(new IngestRequest(index, List.of(letters, generated), 2, 100_000, Duration.ofMinutes(10),
        IsolatedParser.Options.defaults(), AnalysisChain.MEDICAL), IngestListener.NONE).run();
    assertEquals(List.of(), s.rejected());
    qi = QueryIndex.open(index);
  }

  @AfterAll
  static void close() throws IOException {
    qi.close();
  }

  @Test
  void comparingOutcomesEachFieldCountsAsThePlainCount() throws Exception {
    for (IndexField field : List.of(IndexField.RATIONALE, IndexField.SUMMARY, IndexField.ITEM, IndexField.GUIDELINE)) {
      TermsRequest r = new TermsRequest(field, null, false, true, Filters.none(), 20);
      assertSame(reference(r, null), new SignificantTerms(qi).counts(r), field.fieldName());
    }
  }

  @Test
  void aQuerysDecisionsAgainstTheRestCountAsThePlainCount() throws Exception {
    for (IndexField field : List.of(IndexField.RATIONALE, IndexField.SUMMARY)) {
      TermsRequest r = new TermsRequest(field, "medically necessary", false, false, Filters.none(), 20);
      int maxDoc = qi.searcher().getIndexReader().maxDoc();
      FixedBitSet matching = new FixedBitSet(maxDoc);
      for (ScoreDoc hit : qi.searcher().search(new QueryBuilder(qi).decisions(r.query(), false, r.filters()), maxDoc).scoreDocs) {
        matching.set(hit.doc);
      }
      assertTrue(matching.cardinality() > 0 && matching.cardinality() < decisions(), "the query splits the decisions");
      assertSame(reference(r, matching), new SignificantTerms(qi).counts(r), field.fieldName());
    }
  }

  private static int decisions() throws IOException, QuerySyntaxException {
    return (int) new Exporter(qi).walk(new QueryBuilder(qi).decisions(null, false, Filters.none()), (doc, id, l, no) -> {});
  }

  private static void assertSame(Reference expected, SignificantTerms.Partial actual, String what) {
    assertTrue(expected.counts.size() > 100, what + ": a real test counts many terms");
    assertEquals(expected.counts.keySet(), new TreeMap<>(actual.counts).keySet(), what + ": the terms");
    Map<String, List<Long>> got = new TreeMap<>();
    actual.counts.forEach((term, c) -> got.put(term, Arrays.stream(c).boxed().toList()));
    Map<String, List<Long>> want = new TreeMap<>();
    expected.counts.forEach((term, c) -> want.put(term, Arrays.stream(c).boxed().toList()));
    for (Map.Entry<String, List<Long>> e : want.entrySet()) {
      assertEquals(e.getValue(), got.get(e.getKey()), what + ": the counts of '" + e.getKey() + "'");
    }
    assertArrayEquals(expected.totals, actual.totals, what + ": tokens and decisions on each side");
    assertArrayEquals(expected.groupSizes, actual.groupSizes, what + ": decisions of each group");
  }

  private record Reference(Map<String, long[]> counts, long[] totals, long[] groupSizes) {}

  /** The plain count: every decision in the index, its letter's whole record, Strings and a HashSet. */
  private static Reference reference(TermsRequest r, FixedBitSet matching) throws IOException {
    // a group per layout, comparing outcomes also per layout and outcome
    int groups = Layout.values().length * (r.compareOutcome() ? 3 : 1);
    Reference ref = new Reference(new HashMap<>(), new long[4], new long[groups]);
    Analyzer analyzer = qi.literalAnalyzer();
    new Exporter(qi).walk(new MatchAllDocsQuery(), (doc, letterId, letter, no) -> {
      Decision d = letter.decisions().get(no);
      if (r.compareOutcome() && d.outcome() == null) {
        return;
      }
      boolean a = r.compareOutcome() ? d.outcome() == Outcome.OVERTURNED : matching.get(doc);
      ref.totals[a ? 2 : 3]++;
      int[] in = SignificantTerms.group(letter.layout(), r.compareOutcome() ? d.outcome() : null);
      for (int g : in) {
        ref.groupSizes[g]++;
      }
      String text = text(r.field(), letter, d);
      if (text != null && !text.isEmpty()) {
        count(analyzer, r.field(), text, a, in, ref);
      }
    });
    return ref;
  }

  private static String text(IndexField field, DeterminationLetter l, Decision d) {
    return switch (field) {
      case SUMMARY -> l.summary();
      case ITEM -> d.item();
      case GUIDELINE -> LetterDocuments.guidelineText(d);
      default -> d.rationale();
    };
  }

  private static void count(Analyzer analyzer, IndexField field, String text, boolean a, int[] groups, Reference ref) {
    List<String> tokens = new ArrayList<>();
    List<Integer> increments = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field.fieldName(), text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        String t = term.toString();
        int last = tokens.size() - 1;
        boolean letterAs = inc.getPositionIncrement() == 1 && offset.endOffset() <= text.length()
            && LETTER_AS.matcher(text.substring(offset.startOffset(), offset.endOffset())).matches();
        if (last >= 0 && letterAs && NUMBER.matcher(tokens.get(last)).matches() && !tokens.get(last).contains(" ")) {
          // "4 A's", "four As": the number and the letter are one term, at the number's place
          String n = tokens.get(last);
          int i = NUMBER_WORDS.indexOf(n);
          tokens.set(last, (i < 0 ? n : Integer.toString(i + 1)) + " a's");
          continue;
        }
        tokens.add(t);
        increments.add(inc.getPositionIncrement());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      ref.totals[a ? 0 : 1]++;
      if (!STOP.contains(t)) {
        add(ref, t, a, groups, seen);
      }
      if (i > 0 && increments.get(i) == 1 && !(STOP.contains(tokens.get(i - 1)) && STOP.contains(t))) {
        add(ref, tokens.get(i - 1) + " " + t, a, groups, seen);
      }
    }
  }

  private static void add(Reference ref, String term, boolean a, int[] groups, Set<String> seen) {
    long[] c = ref.counts.computeIfAbsent(term, k -> new long[3 + ref.groupSizes.length]);
    c[a ? 0 : 1]++;
    if (seen.add(term)) {
      c[2]++;
      for (int g : groups) {
        c[3 + g]++;
      }
    }
  }
}
