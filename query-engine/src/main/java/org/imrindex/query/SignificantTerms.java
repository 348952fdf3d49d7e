package org.imrindex.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.FixedBitSet;
import org.imrindex.schema.IndexField;
import org.imrindex.schema.LetterDocuments;
import org.imrindex.model.Decision;
import org.imrindex.model.DeterminationLetter;
import org.imrindex.model.Outcome;

/**
 * Significant language: the log-odds ratio of each word and two-word phrase between two sets of
 * decisions, with an informative Dirichlet prior from the whole universe, divided by its standard
 * deviation (Monroe, Colaresi and Quinn 2008, "Fightin' Words", eq. 16–22). Terms in more than 90% of
 * decisions (template boilerplate), English stop words, and phrases of stop words only are left
 * out; a term needs 5 occurrences in all.
 */
public final class SignificantTerms {

  /** The prior's total weight (alpha_0). */
  public static final double PRIOR_WEIGHT = 500;
  private static final double BOILERPLATE_SHARE = 0.9;
  private static final int MIN_COUNT = 5;
  private static final CharArraySet STOP = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

  private final QueryIndex index;

  public SignificantTerms(QueryIndex index) {
    this.index = index;
  }

  public TermsResult run(TermsRequest asked) throws IOException, QuerySyntaxException {
    if (asked.limit() < 0 || asked.limit() > QueryLimits.MAX_TERMS) {
      throw new QuerySyntaxException(String.format(java.util.Locale.ROOT, "--limit takes 0 to %,d terms per side, got %,d",
          QueryLimits.MAX_TERMS, asked.limit()));
    }
    QueryBuilder builder = new QueryBuilder(index);
    TermsRequest r = new TermsRequest(asked.field(), asked.query(), asked.exact(), asked.compareOutcome(), builder.validate(asked.filters()), asked.limit());
    Query universe = builder.decisions(null, false, r.filters());
    FixedBitSet inQuery = null;
    if (!r.compareOutcome()) {
      inQuery = new FixedBitSet(Math.max(1, index.searcher().getIndexReader().maxDoc()));
      FacetsCollector matches = index.search(builder.decisions(r.query(), r.exact(), r.filters()), new FacetsCollectorManager());
      for (FacetsCollector.MatchingDocs md : matches.getMatchingDocs()) {
        DocIdSetIterator it = md.bits().iterator();
        for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
          inQuery.set(md.context().docBase + d);
        }
      }
    }
    // the words as written (the exact twin's analysis): a reader sees "denied", not the stem "deny"
    Analyzer analyzer = index.literalAnalyzer();
    FixedBitSet matching = inQuery;
    Exporter exporter = new Exporter(index);
    int threads = Runtime.getRuntime().availableProcessors();
    int maxDoc = index.searcher().getIndexReader().maxDoc();
    // slices counted in parallel (re-analysing the text is the cost), then their counts added up
    Partial all;
    try {
      all = exporter.slices(universe, Math.max(20_000, maxDoc / (4 * threads) + 1)).parallelStream().map(slice -> {
        Partial part = new Partial();
        try {
          exporter.walk(slice, (doc, letterId, letter, no) -> {
            Decision d = letter.decisions().get(no);
            if (r.compareOutcome() && d.outcome() == null) {
              return;
            }
            boolean a = r.compareOutcome() ? d.outcome() == Outcome.OVERTURNED : matching.get(doc);
            part.totals[a ? 2 : 3]++;
            count(analyzer, r.field(), text(r.field(), letter, d), a, part.counts, part.totals);
          });
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return part;
      }).reduce(Partial::add).orElseGet(Partial::new);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    Map<String, long[]> counts = all.counts;
    long[] totals = all.totals;
    long decisions = totals[2] + totals[3];
    long tokens = totals[0] + totals[1];
    List<TermsResult.TermScore> scores = new ArrayList<>();
    if (tokens > 0) {
      for (Map.Entry<String, long[]> e : counts.entrySet()) {
        long[] c = e.getValue();
        if (c[0] + c[1] < MIN_COUNT || c[2] > BOILERPLATE_SHARE * decisions) {
          continue;
        }
        scores.add(score(e.getKey(), c[0], c[1], totals[0], totals[1]));
      }
    }
    // terms with the same counts have the same z: they are ordered by their text, not by the hash map's
    // order, which follows the order the decisions were counted in (the order threads indexed them)
    List<TermsResult.TermScore> forA = scores.stream().filter(s -> s.z() > 0)
        .sorted(Comparator.comparingDouble(TermsResult.TermScore::z).reversed().thenComparing(TermsResult.TermScore::term))
        .limit(r.limit()).toList();
    List<TermsResult.TermScore> forB = scores.stream().filter(s -> s.z() < 0)
        .sorted(Comparator.comparingDouble(TermsResult.TermScore::z).thenComparing(TermsResult.TermScore::term))
        .limit(r.limit()).toList();
    return new TermsResult(r.compareOutcome() ? "overturned" : "matching", r.compareOutcome() ? "upheld" : "rest",
        totals[2], totals[3], totals[0], totals[1], forA, forB);
  }

  /** Counts of one part of the decisions: term -> {countA, countB, documents}; totals {tokensA, tokensB, decisionsA, decisionsB}. */
  private static final class Partial {
    final Map<String, long[]> counts = new HashMap<>();
    final long[] totals = new long[4];

    Partial add(Partial other) {
      Partial big = counts.size() >= other.counts.size() ? this : other;
      Partial small = big == this ? other : this;
      small.counts.forEach((term, c) -> big.counts.merge(term, c, (x, y) -> {
        for (int i = 0; i < x.length; i++) {
          x[i] += y[i];
        }
        return x;
      }));
      for (int i = 0; i < totals.length; i++) {
        big.totals[i] = this.totals[i] + other.totals[i];
      }
      return big;
    }
  }

  /** The informative-prior log-odds of one term and its z-score; the prior is proportional to the term's overall share. */
  public static TermsResult.TermScore score(String term, long yA, long yB, long nA, long nB) {
    double share = (double) (yA + yB) / (nA + nB);
    double alpha = PRIOR_WEIGHT * share;
    double delta = Math.log((yA + alpha) / (nA + PRIOR_WEIGHT - yA - alpha)) - Math.log((yB + alpha) / (nB + PRIOR_WEIGHT - yB - alpha));
    double variance = 1.0 / (yA + alpha) + 1.0 / (yB + alpha);
    return new TermsResult.TermScore(term, yA, yB, delta, delta / Math.sqrt(variance));
  }

  private static String text(IndexField field, DeterminationLetter l, Decision d) {
    return switch (field) {
      case SUMMARY -> l.summary();
      case ITEM -> d.item();
      case GUIDELINE -> LetterDocuments.guidelineText(d);
      default -> d.rationale();
    };
  }

  private static void count(Analyzer analyzer, IndexField field, String text, boolean a, Map<String, long[]> counts, long[] totals) {
    if (text == null || text.isEmpty()) {
      return;
    }
    Set<String> seen = new HashSet<>();
    try (TokenStream ts = analyzer.tokenStream(field.fieldName(), text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      String previous = null;
      while (ts.incrementToken()) {
        String t = term.toString();
        totals[a ? 0 : 1]++;
        if (!STOP.contains(t)) {
          add(counts, t, a, seen);
        }
        if (previous != null && inc.getPositionIncrement() == 1 && !(STOP.contains(previous) && STOP.contains(t))) {
          add(counts, previous + " " + t, a, seen);
        }
        previous = t;
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void add(Map<String, long[]> counts, String term, boolean a, Set<String> seen) {
    long[] c = counts.computeIfAbsent(term, k -> new long[3]);
    c[a ? 0 : 1]++;
    if (seen.add(term)) {
      c[2]++;
    }
  }
}
