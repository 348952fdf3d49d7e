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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
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
import org.imrindex.model.Layout;
import org.imrindex.model.Outcome;

/**
 * Significant language: the log-odds ratio of each word and two-word phrase between two sets of
 * decisions, with an informative Dirichlet prior from the whole universe, divided by its standard
 * deviation (Monroe, Colaresi and Quinn 2008, "Fightin' Words", eq. 16–22). The letters' template is
 * left out: terms in more than 90% of the decisions, or of one layout's decisions, or (comparing
 * outcomes) of one layout's overturned or upheld decisions, where such a group has at least
 * {@value #MIN_TEMPLATE_GROUP} decisions; comparing outcomes, also the phrases that state the outcome
 * ({@link OutcomePhrases}). English stop words and phrases of stop words only are left out too; a
 * term needs 5 occurrences in all. A number followed by the letter A's ("4 A's", "four As", "4As")
 * is one term, {@code 4 a's}: the opioid-monitoring domains, not a count.
 */
public final class SignificantTerms {

  /** The prior's total weight (alpha_0). */
  public static final double PRIOR_WEIGHT = 500;
  /** A term in more than this share of a group's decisions is the template's. */
  public static final double TEMPLATE_SHARE = 0.9;
  /** The fewest decisions a layout (or a layout's outcome) needs for its template to be counted. */
  public static final int MIN_TEMPLATE_GROUP = 30;
  /** Template terms a result names, most frequent first. */
  public static final int TEMPLATE_EXAMPLES = 10;
  private static final Pattern LETTER_AS = Pattern.compile("A['\u2019]?s");
  private static final Pattern NUMBER = Pattern.compile("[0-9]+|one|two|three|four|five|six|seven|eight|nine|ten");
  private static final List<String> NUMBER_WORDS = List.of("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");
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
    int groups = groupCount(r.compareOutcome());
    int threads = Runtime.getRuntime().availableProcessors();
    int maxDoc = index.searcher().getIndexReader().maxDoc();
    // slices counted in parallel (re-analysing the text is the cost), then their counts added up
    Partial all;
    try {
      all = exporter.slices(universe, Math.max(20_000, maxDoc / (4 * threads) + 1)).parallelStream().map(slice -> {
        Partial part = new Partial(groups);
        try {
          exporter.walk(slice, (doc, letterId, letter, no) -> {
            Decision d = letter.decisions().get(no);
            if (r.compareOutcome() && d.outcome() == null) {
              return;
            }
            boolean a = r.compareOutcome() ? d.outcome() == Outcome.OVERTURNED : matching.get(doc);
            part.totals[a ? 2 : 3]++;
            int[] in = group(letter.layout(), r.compareOutcome() ? d.outcome() : null);
            for (int g : in) {
              part.groupSizes[g]++;
            }
            count(analyzer, r.field(), text(r.field(), letter, d), a, in, part);
          });
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return part;
      }).reduce(Partial::add).orElseGet(() -> new Partial(groups));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    Map<String, long[]> counts = all.counts;
    long[] totals = all.totals;
    long decisions = totals[2] + totals[3];
    long tokens = totals[0] + totals[1];
    List<TermsResult.TermScore> scores = new ArrayList<>();
    List<Map.Entry<String, long[]>> template = new ArrayList<>();
    if (tokens > 0) {
      for (Map.Entry<String, long[]> e : counts.entrySet()) {
        long[] c = e.getValue();
        if (c[0] + c[1] < MIN_COUNT) {
          continue;
        }
        if (isTemplate(e.getKey(), c, decisions, all.groupSizes, r.compareOutcome())) {
          template.add(e);
        } else {
          scores.add(score(e.getKey(), c[0], c[1], totals[0], totals[1]));
        }
      }
    }
    List<String> templateExamples = template.stream()
        .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> e.getValue()[2]).reversed().thenComparing(Map.Entry::getKey))
        .limit(TEMPLATE_EXAMPLES).map(Map.Entry::getKey).toList();
    // terms with the same counts have the same z: they are ordered by their text, not by the hash map's
    // order, which follows the order the decisions were counted in (the order threads indexed them)
    List<TermsResult.TermScore> forA = scores.stream().filter(s -> s.z() > 0)
        .sorted(Comparator.comparingDouble(TermsResult.TermScore::z).reversed().thenComparing(TermsResult.TermScore::term))
        .limit(r.limit()).toList();
    List<TermsResult.TermScore> forB = scores.stream().filter(s -> s.z() < 0)
        .sorted(Comparator.comparingDouble(TermsResult.TermScore::z).thenComparing(TermsResult.TermScore::term))
        .limit(r.limit()).toList();
    return new TermsResult(r.compareOutcome() ? "overturned" : "matching", r.compareOutcome() ? "upheld" : "rest",
        totals[2], totals[3], totals[0], totals[1], forA, forB, template.size(), templateExamples);
  }

  /** Groups counted: one per layout, and comparing outcomes one per layout and outcome. */
  private static int groupCount(boolean compareOutcome) {
    return Layout.values().length * (compareOutcome ? 3 : 1);
  }

  /** The groups a decision of {@code layout} with {@code outcome} (null: outcomes not compared) counts in. */
  static int[] group(Layout layout, Outcome outcome) {
    if (layout == null) {
      return new int[0];
    }
    if (outcome == null) {
      return new int[] {layout.ordinal()};
    }
    int base = layout.ordinal() * 3;
    return new int[] {base, base + (outcome == Outcome.OVERTURNED ? 1 : 2)};
  }

  /**
   * Whether a term is the template's: an outcome phrase (comparing outcomes), or in more than
   * {@link #TEMPLATE_SHARE} of all {@code decisions} or of a group of at least {@link #MIN_TEMPLATE_GROUP}.
   * {@code c} holds {countA, countB, decisions, then decisions per group}.
   */
  static boolean isTemplate(String term, long[] c, long decisions, long[] groupSizes, boolean compareOutcome) {
    if (compareOutcome && OutcomePhrases.standard().contains(term)) {
      return true;
    }
    if (c[2] > TEMPLATE_SHARE * decisions) {
      return true;
    }
    for (int g = 0; g < groupSizes.length; g++) {
      if (groupSizes[g] >= MIN_TEMPLATE_GROUP && c[3 + g] > TEMPLATE_SHARE * groupSizes[g]) {
        return true;
      }
    }
    return false;
  }

  /**
   * Counts of one part of the decisions: term -> {countA, countB, decisions, decisions per group};
   * totals {tokensA, tokensB, decisionsA, decisionsB}; the decisions of each group.
   */
  static final class Partial {
    final Map<String, long[]> counts = new HashMap<>();
    final long[] totals = new long[4];
    final long[] groupSizes;

    Partial(int groups) {
      groupSizes = new long[groups];
    }

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
      for (int i = 0; i < groupSizes.length; i++) {
        big.groupSizes[i] = this.groupSizes[i] + other.groupSizes[i];
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

  /** Counts the terms of one decision's {@code text} into {@code part}: side A or B, and {@code groups}. */
  static void count(Analyzer analyzer, IndexField field, String text, boolean a, int[] groups, Partial part) {
    if (text == null || text.isEmpty()) {
      return;
    }
    Set<String> seen = new HashSet<>();
    try (TokenStream ts = analyzer.tokenStream(field.fieldName(), text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      String previous = null;
      String pending = null;
      int pendingIncrement = 0;
      while (ts.incrementToken()) {
        String t = term.toString();
        int increment = inc.getPositionIncrement();
        if (pending != null && increment == 1 && offset.endOffset() <= text.length() && LETTER_AS.matcher(text.substring(offset.startOffset(), offset.endOffset())).matches()) {
          t = digits(pending) + " a's"; // "4 A's", "four As", "4As": one term in place of the number and the letter
          increment = pendingIncrement;
          pending = null;
        }
        if (pending != null) {
          previous = take(pending, pendingIncrement, previous, a, groups, part, seen);
          pending = null;
        }
        if (NUMBER.matcher(t).matches()) {
          pending = t; // held until the next token says whether it is "4 A's"
          pendingIncrement = increment;
          continue;
        }
        previous = take(t, increment, previous, a, groups, part, seen);
      }
      if (pending != null) {
        take(pending, pendingIncrement, previous, a, groups, part, seen);
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A number as digits: "four" is "4", "4" stays. */
  private static String digits(String number) {
    int i = NUMBER_WORDS.indexOf(number);
    return i < 0 ? number : Integer.toString(i + 1);
  }

  /** Counts one token {@code t} and its phrase with {@code previous}; returns {@code t}, the next token's previous. */
  private static String take(String t, int increment, String previous, boolean a, int[] groups, Partial part, Set<String> seen) {
    part.totals[a ? 0 : 1]++;
    if (!STOP.contains(t)) {
      add(part, t, a, groups, seen);
    }
    if (previous != null && increment == 1 && !(STOP.contains(previous) && STOP.contains(t))) {
      add(part, previous + " " + t, a, groups, seen);
    }
    return t;
  }

  private static void add(Partial part, String term, boolean a, int[] groups, Set<String> seen) {
    long[] c = part.counts.computeIfAbsent(term, k -> new long[3 + part.groupSizes.length]);
    c[a ? 0 : 1]++;
    if (seen.add(term)) {
      c[2]++;
      for (int g : groups) {
        c[3 + g]++;
      }
    }
  }
}
