package org.imrindex.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
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
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefBuilder;
import org.apache.lucene.util.BytesRefHash;
import org.apache.lucene.util.FixedBitSet;
import org.imrindex.schema.IndexField;
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
    Partial all = counts(r);
    long[] totals = all.totals;
    long decisions = totals[2] + totals[3];
    long tokens = totals[0] + totals[1];
    List<TermsResult.TermScore> scores = new ArrayList<>();
    List<Map.Entry<String, long[]>> template = new ArrayList<>();
    if (tokens > 0) {
      BytesRef bytes = new BytesRef();
      for (int id = 0; id < all.terms.size(); id++) {
        if (all.occurrences(id) < MIN_COUNT) {
          continue;
        }
        String term = all.terms.get(id, bytes).utf8ToString();
        long[] c = all.counts(id);
        if (isTemplate(term, c, decisions, all.groupSizes, r.compareOutcome())) {
          template.add(Map.entry(term, c));
        } else {
          scores.add(score(term, c[0], c[1], totals[0], totals[1]));
        }
      }
    }
    List<String> templateExamples = template.stream()
        .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> e.getValue()[2]).reversed().thenComparing(Map.Entry::getKey))
        .limit(TEMPLATE_EXAMPLES).map(Map.Entry::getKey).toList();
    // terms with the same counts have the same z: they are ordered by their text, not by their numbers,
    // which follow the order the decisions were counted in (the order threads took the slices in)
    List<TermsResult.TermScore> forA = scores.stream().filter(s -> s.z() > 0)
        .sorted(Comparator.comparingDouble(TermsResult.TermScore::z).reversed().thenComparing(TermsResult.TermScore::term))
        .limit(r.limit()).toList();
    List<TermsResult.TermScore> forB = scores.stream().filter(s -> s.z() < 0)
        .sorted(Comparator.comparingDouble(TermsResult.TermScore::z).thenComparing(TermsResult.TermScore::term))
        .limit(r.limit()).toList();
    return new TermsResult(r.compareOutcome() ? "overturned" : "matching", r.compareOutcome() ? "upheld" : "rest",
        totals[2], totals[3], totals[0], totals[1], forA, forB, template.size(), templateExamples);
  }

  /** The counts of a validated request's decisions: every term's, the tokens and decisions on each side, each group's decisions. */
  Partial counts(TermsRequest r) throws IOException, QuerySyntaxException {
    QueryBuilder builder = new QueryBuilder(index);
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
    // slices counted in parallel (re-analysing the text is the cost), each worker into one Partial of
    // its own, taking the next slice when it is done; then the few workers' counts are added up
    List<Exporter.Slice> slices = exporter.slices(universe, Math.max(20_000, maxDoc / (4 * threads) + 1));
    AtomicInteger next = new AtomicInteger();
    Exporter.RecordReader<LetterTexts> texts = LetterTexts.reader(r.field());
    try {
      return IntStream.range(0, Math.max(1, Math.min(threads, slices.size()))).parallel().mapToObj(w -> {
        Partial part = new Partial(groups);
        try {
          for (int s = next.getAndIncrement(); s < slices.size(); s = next.getAndIncrement()) {
            exporter.walk(slices.get(s), texts, (doc, letterId, letter, no) -> {
              LetterTexts.DecisionText d = letter.decisions().get(no);
              if (r.compareOutcome() && d.outcome() == null) {
                return;
              }
              boolean a = r.compareOutcome() ? d.outcome() == Outcome.OVERTURNED : matching.get(doc);
              part.totals[a ? 2 : 3]++;
              int[] in = group(letter.layout(), r.compareOutcome() ? d.outcome() : null);
              for (int g : in) {
                part.groupSizes[g]++;
              }
              count(analyzer, r.field(), d.text(), a, in, part);
            });
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return part;
      }).reduce(Partial::add).orElseGet(() -> new Partial(groups));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
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
   * Counts of one part of the decisions, by term number: each word and phrase is numbered once
   * (its UTF-8 in a {@link BytesRefHash}), a phrase is found by its two words' numbers, and the counts
   * are arrays, so a token costs no String and no boxed map entry. {@link #counts} shows them as
   * term -> {countA, countB, decisions, decisions per group}; {@link #totals} holds {tokensA, tokensB,
   * decisionsA, decisionsB}; {@link #groupSizes} the decisions of each group.
   */
  static final class Partial {
    private static final long STOP_WORD = 1;
    private static final long A_NUMBER = 2;
    // a term's slots in data, side by side (one or two cache lines a term): occurrences on each side,
    // the last text it was counted in (its decisions count once a text), its flags, its decisions,
    // then its decisions in each group
    private static final int A = 0;
    private static final int B = 1;
    private static final int SEEN = 2;
    private static final int KIND = 3;
    private static final int DECISIONS = 4;

    final BytesRefHash terms = new BytesRefHash();
    final long[] totals = new long[4];
    final long[] groupSizes;
    /** Every counted term (occurrences on either side), as term -> {countA, countB, decisions, decisions per group}. */
    final Map<String, long[]> counts = new AbstractMap<>() {
      @Override
      public Set<Map.Entry<String, long[]>> entrySet() {
        Map<String, long[]> out = new LinkedHashMap<>();
        BytesRef bytes = new BytesRef();
        for (int id = 0; id < terms.size(); id++) {
          if (occurrences(id) > 0) {
            out.put(terms.get(id, bytes).utf8ToString(), counts(id));
          }
        }
        return Collections.unmodifiableMap(out).entrySet();
      }
    };
    private final int stride;
    private long[] data;
    /** Per number: the term "N a's" it makes with a following "A's", or -1 while not needed. */
    private int[] withAs = new int[16];
    private long text;
    private final PhraseNumbers phrases = new PhraseNumbers();
    private final BytesRefBuilder scratch = new BytesRefBuilder();
    private final BytesRef scratchB = new BytesRef();

    Partial(int groups) {
      groupSizes = new long[groups];
      stride = DECISIONS + 1 + groups;
      data = new long[16 * stride];
      Arrays.fill(withAs, -1);
    }

    /** Occurrences of term {@code id} on both sides. */
    long occurrences(int id) {
      return data[id * stride + A] + data[id * stride + B];
    }

    /** The counts of term {@code id}: {countA, countB, decisions, decisions per group}. */
    long[] counts(int id) {
      int at = id * stride;
      long[] c = new long[stride - 2];
      c[0] = data[at + A];
      c[1] = data[at + B];
      System.arraycopy(data, at + DECISIONS, c, 2, stride - DECISIONS);
      return c;
    }

    /** The number of {@code term}, numbered now if new. */
    private int number(BytesRef term) {
      int id = terms.add(term);
      if (id >= 0) {
        grow(id + 1);
        return id;
      }
      return -id - 1;
    }

    /** The number of a token's text; a new one is classified once (stop word, a number). */
    private int token(char[] buffer, int length) {
      scratch.copyChars(buffer, 0, length);
      int id = terms.add(scratch.get());
      if (id < 0) {
        return -id - 1;
      }
      grow(id + 1);
      classify(id, new String(buffer, 0, length));
      return id;
    }

    private void classify(int id, String t) {
      data[id * stride + KIND] = (STOP.contains(t) ? STOP_WORD : 0) | (NUMBER.matcher(t).matches() ? A_NUMBER : 0);
    }

    /** The number of the term "N a's" made by number {@code n} and a following "A's". */
    private int withAs(int n) {
      if (withAs[n] < 0) {
        String t = digits(terms.get(n, scratchB).utf8ToString()) + " a's";
        scratch.copyChars(t);
        int id = terms.add(scratch.get());
        if (id >= 0) {
          grow(id + 1);
          classify(id, t);
        } else {
          id = -id - 1;
        }
        withAs[n] = id;
      }
      return withAs[n];
    }

    /** The number of the phrase "{@code first} {@code second}" (the same number as a term with that text). */
    private int phrase(int first, int second) {
      long key = ((long) first << 32) | second;
      int id = phrases.get(key);
      if (id < 0) {
        BytesRef a = terms.get(first, scratchB);
        scratch.clear();
        scratch.append(a);
        scratch.append((byte) ' ');
        scratch.append(terms.get(second, scratchB));
        id = number(scratch.get());
        phrases.put(key, id);
      }
      return id;
    }

    private void grow(int size) {
      if (size > withAs.length) {
        int n = ArrayUtil.oversize(size, Long.BYTES * stride);
        data = Arrays.copyOf(data, n * stride);
        int old = withAs.length;
        withAs = Arrays.copyOf(withAs, n);
        Arrays.fill(withAs, old, n, -1);
      }
    }

    private boolean stop(int id) {
      return (data[id * stride + KIND] & STOP_WORD) != 0;
    }

    private boolean isNumber(int id) {
      return (data[id * stride + KIND] & A_NUMBER) != 0;
    }

    /** Counts one occurrence of term {@code id}; its decisions once per text. */
    private void add(int id, boolean a, int[] groups) {
      int at = id * stride;
      data[at + (a ? A : B)]++;
      if (data[at + SEEN] != text) {
        data[at + SEEN] = text;
        data[at + DECISIONS]++;
        for (int g : groups) {
          data[at + DECISIONS + 1 + g]++;
        }
      }
    }

    /** The counts of both parts, in the larger one. */
    Partial add(Partial other) {
      Partial big = terms.size() >= other.terms.size() ? this : other;
      Partial small = big == this ? other : this;
      BytesRef bytes = new BytesRef();
      for (int id = 0; id < small.terms.size(); id++) {
        if (small.occurrences(id) == 0) {
          continue;
        }
        int to = big.number(small.terms.get(id, bytes)) * stride;
        int from = id * stride;
        big.data[to + A] += small.data[from + A];
        big.data[to + B] += small.data[from + B];
        for (int i = DECISIONS; i < stride; i++) {
          big.data[to + i] += small.data[from + i];
        }
      }
      for (int i = 0; i < totals.length; i++) {
        big.totals[i] = this.totals[i] + other.totals[i];
      }
      for (int i = 0; i < groupSizes.length; i++) {
        big.groupSizes[i] = this.groupSizes[i] + other.groupSizes[i];
      }
      return big;
    }
  }

  /** Phrase numbers by their two words' numbers: an open-addressing map from long to int (-1: absent). */
  private static final class PhraseNumbers {
    private long[] keys = new long[1 << 12];
    private int[] values = new int[1 << 12];
    private int size;

    PhraseNumbers() {
      Arrays.fill(keys, -1);
    }

    int get(long key) {
      int mask = keys.length - 1;
      for (int i = slot(key, mask); ; i = (i + 1) & mask) {
        if (keys[i] == key) {
          return values[i];
        }
        if (keys[i] == -1) {
          return -1;
        }
      }
    }

    void put(long key, int value) {
      if (2 * (size + 1) > keys.length) {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        Arrays.fill(keys, -1);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
          if (oldKeys[i] != -1) {
            put(oldKeys[i], oldValues[i]);
          }
        }
      }
      int mask = keys.length - 1;
      int i = slot(key, mask);
      while (keys[i] != -1) {
        i = (i + 1) & mask;
      }
      keys[i] = key;
      values[i] = value;
      size++;
    }

    private static int slot(long key, int mask) {
      long h = key * 0x9E3779B97F4A7C15L;
      return (int) (h ^ (h >>> 32)) & mask;
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

  /** Counts the terms of one decision's {@code text} into {@code part}: side A or B, and {@code groups}. */
  static void count(Analyzer analyzer, IndexField field, String text, boolean a, int[] groups, Partial part) {
    if (text == null || text.isEmpty()) {
      return;
    }
    part.text++; // a new text: its terms' decisions count again
    try (TokenStream ts = analyzer.tokenStream(field.fieldName(), text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      int previous = -1;
      int pending = -1;
      int pendingIncrement = 0;
      while (ts.incrementToken()) {
        int t;
        int increment = inc.getPositionIncrement();
        if (pending >= 0 && increment == 1 && offset.endOffset() <= text.length() && letterAs(text, offset.startOffset(), offset.endOffset())) {
          t = part.withAs(pending); // "4 A's", "four As", "4As": one term in place of the number and the letter
          increment = pendingIncrement;
          pending = -1;
        } else {
          t = part.token(term.buffer(), term.length());
        }
        if (pending >= 0) {
          previous = take(pending, pendingIncrement, previous, a, groups, part);
          pending = -1;
        }
        if (part.isNumber(t)) {
          pending = t; // held until the next token says whether it is "4 A's"
          pendingIncrement = increment;
          continue;
        }
        previous = take(t, increment, previous, a, groups, part);
      }
      if (pending >= 0) {
        take(pending, pendingIncrement, previous, a, groups, part);
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether {@code text[start, end)} is the letter A's as written: "A's", "A\u2019s" or "As" (the pattern {@code A['\u2019]?s}). */
  private static boolean letterAs(String text, int start, int end) {
    int n = end - start;
    if (n < 2 || n > 3 || text.charAt(start) != 'A' || text.charAt(end - 1) != 's') {
      return false;
    }
    return n == 2 || text.charAt(start + 1) == '\'' || text.charAt(start + 1) == '\u2019';
  }

  /** A number as digits: "four" is "4", "4" stays. */
  private static String digits(String number) {
    int i = NUMBER_WORDS.indexOf(number);
    return i < 0 ? number : Integer.toString(i + 1);
  }

  /** Counts one token {@code t} and its phrase with {@code previous}; returns {@code t}, the next token's previous. */
  private static int take(int t, int increment, int previous, boolean a, int[] groups, Partial part) {
    part.totals[a ? 0 : 1]++;
    if (!part.stop(t)) {
      part.add(t, a, groups);
    }
    if (previous >= 0 && increment == 1 && !(part.stop(previous) && part.stop(t))) {
      part.add(part.phrase(previous, t), a, groups);
    }
    return t;
  }
}
