package org.imrindex.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.AttributeSource;
import org.imrindex.schema.IndexField;

/**
 * Lucene's classic query syntax over several text fields, adapted to the medical analysis:
 * <ul>
 *   <li>runs of bare words are analyzed together (not word by word), so multi-word concepts such
 *       as "physical therapy" meet their synonyms (PT) without quotes;
 *   <li>words glued by punctuation ("10/325mg", "long-term", "L5-S1") must match as a phrase, while
 *       words separated by spaces are AND-ed;
 *   <li>a synonym with several words becomes a phrase of them;
 *   <li>in exact mode every text field is replaced by its exact twin: no stemming, no synonyms.
 * </ul>
 */
final class UserQueryParser extends MultiFieldQueryParser {

  private final boolean exact;
  /** The item field (or its exact twin), boosted among a bare word's fields. */
  private final String itemField;
  /** Wildcard, prefix, fuzzy and regular-expression terms so far, each counted once however many fields it searches. */
  private int patterns;
  /** Above zero while a pattern term of a bare word is expanded over its fields. */
  private int expanding;

  /**
   * The weight of a bare word's match in the decision's item against one in its rationale or
   * citations: a decision about Norco comes before one whose rationale mentions Norco in passing.
   */
  static final float ITEM_BOOST = 3f;

  UserQueryParser(IndexField[] fields, Analyzer analyzer, boolean exact) {
    super(names(fields, exact), analyzer);
    this.itemField = exact ? IndexField.ITEM.exactFieldName() : IndexField.ITEM.fieldName();
    this.exact = exact;
    setDeterminizeWorkLimit(QueryLimits.DETERMINIZE_WORK_LIMIT);
    setDefaultOperator(Operator.AND);
    setAllowLeadingWildcard(false);
    setSplitOnWhitespace(false);
    setAutoGenerateMultiTermSynonymsPhraseQuery(true);
  }

  /** The Lucene fields bare words search: in exact mode their exact twins. */
  private static String[] names(IndexField[] fields, boolean exact) {
    return java.util.Arrays.stream(fields).map(f -> exact ? f.exactFieldName() : f.fieldName()).toArray(String[]::new);
  }

  /** The fields a user may name (and their exact twins, which exact mode redirects to). */
  private static final java.util.Set<String> USER_FIELDS = userFields();

  private static java.util.Set<String> userFields() {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (IndexField f : IndexField.values()) {
      if (f.textKind() != null) {
        out.add(f.fieldName());
        if (f.hasExactTwin()) {
          out.add(f.exactFieldName());
        }
      }
    }
    return java.util.Set.copyOf(out);
  }

  /** The fields a user names, in the order messages list them. */
  private static final List<String> NAMED_FIELDS = List.of(IndexField.ITEM.fieldName(), IndexField.RATIONALE.fieldName(),
      IndexField.GUIDELINE.fieldName(), IndexField.SUMMARY.fieldName(), IndexField.TEXT.fieldName());

  /** Names that are filtered, not searched: the facet dimensions and the case number. */
  private static final List<String> FILTER_NAMES = filterNames();

  private static List<String> filterNames() {
    List<String> out = new ArrayList<>();
    for (org.imrindex.schema.FacetDimension d : org.imrindex.schema.FacetDimension.values()) {
      out.add(d.dim());
    }
    out.add("case_number");
    return List.copyOf(out);
  }

  /**
   * A field the user named, whatever its case ({@code Rationale:} is {@code rationale:}), redirected to
   * its exact twin in exact mode; a field that is not one of the text fields (an internal one such as
   * {@code $facet_drug_class}, a dimension, or a typo) is refused, saying what was probably meant.
   *
   * @param text the term the field was given, for the {@code --filter} a dimension needs
   */
  private String field(String field, String text) throws ParseException {
    if (field == null) {
      return null;
    }
    String lower = field.toLowerCase(java.util.Locale.ROOT);
    if (!USER_FIELDS.contains(lower)) {
      throw new ParseException(unknownField(field, text));
    }
    field = lower;
    if (!exact) {
      return field;
    }
    for (IndexField f : IndexField.values()) {
      if (f.textKind() != null && f.fieldName().equals(field)) {
        if (!f.hasExactTwin()) {
          throw new ParseException("the whole-letter field " + field + ": has no exact form;"
              + " in exact mode search item:, rationale:, guideline: or summary:");
        }
        return f.exactFieldName();
      }
    }
    return field;
  }

  /** One line on a field that is not searchable: a dimension says how to filter, a typo names the nearest field. */
  static String unknownField(String field, String text) {
    String lower = field.toLowerCase(java.util.Locale.ROOT);
    String fields = String.join(", ", NAMED_FIELDS.subList(0, NAMED_FIELDS.size() - 1).stream().map(f -> f + ":").toList())
        + " or " + NAMED_FIELDS.get(NAMED_FIELDS.size() - 1) + ":";
    String head = "unknown field '" + field + ":'; ";
    if (FILTER_NAMES.contains(lower)) {
      return head + lower + " is a filter, not a text field: use " + filter(lower, text) + " (text fields are " + fields + ")";
    }
    String nearest = null;
    int best = Integer.MAX_VALUE;
    for (String candidate : java.util.stream.Stream.concat(NAMED_FIELDS.stream(), FILTER_NAMES.stream()).toList()) {
      int d = levenshtein(lower, candidate);
      if (d < best) {
        best = d;
        nearest = candidate;
      }
    }
    if (nearest != null && best <= Math.max(2, nearest.length() / 3)) {
      String meant = NAMED_FIELDS.contains(nearest) ? nearest + ":" : filter(nearest, text);
      return head + "did you mean " + meant + "? Search " + fields + " (a dimension is filtered with --filter DIM=VALUE)";
    }
    return head + "search " + fields + " (a dimension is filtered with --filter DIM=VALUE)";
  }

  /** The {@code --filter} option that asks for {@code text} in dimension {@code dim}, quoted when it has spaces. */
  private static String filter(String dim, String text) {
    String value = text == null || text.isBlank() ? "VALUE" : text.strip();
    String option = dim + "=" + value;
    return "--filter " + (option.chars().anyMatch(Character::isWhitespace) ? "'" + option + "'" : option);
  }

  /** Edits (insertions, deletions, substitutions) between two names. */
  static int levenshtein(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
    if (field == null && CaseNumbers.isCaseNumber(queryText)) {
      // a case number typed anywhere finds its letter's decisions (the letter id is its case number)
      return CaseNumbers.query(queryText);
    }
    if (field == null && !quoted) {
      // words are parsed together (no split on whitespace): a case number among them is taken out and AND-ed
      CaseNumbers.Split split = CaseNumbers.split(queryText);
      if (!split.caseNumbers().isEmpty()) {
        org.apache.lucene.search.BooleanQuery.Builder all = new org.apache.lucene.search.BooleanQuery.Builder();
        split.caseNumbers().forEach(c -> all.add(CaseNumbers.query(c), org.apache.lucene.search.BooleanClause.Occur.MUST));
        if (!split.rest().isBlank()) {
          Query rest = getFieldQuery(null, split.rest(), false);
          if (rest != null) {
            all.add(rest, org.apache.lucene.search.BooleanClause.Occur.MUST);
          }
        }
        return all.build();
      }
    }
    if (field != null) {
      return super.getFieldQuery(field(field, queryText), queryText, quoted);
    }
    // bare words: each AND-ed part may match in any field; a part with alternatives stays whole
    List<Query> perField = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (String f : fields) {
      Query q = super.getFieldQuery(f, queryText, quoted);
      if (q != null) {
        perField.add(q);
        names.add(f);
      }
    }
    if (perField.isEmpty()) {
      return null;
    }
    int parts = conjuncts(perField.get(0));
    boolean transpose = parts > 1 && perField.stream().allMatch(q -> conjuncts(q) == parts);
    if (!transpose) {
      return anyOf(perField, names);
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (int i = 0; i < parts; i++) {
      List<Query> part = new ArrayList<>();
      for (Query q : perField) {
        part.add(((BooleanQuery) q).clauses().get(i).query());
      }
      all.add(anyOf(part, names), BooleanClause.Occur.MUST);
    }
    return all.build();
  }

  /**
   * Adds the query of a run of bare words as one clause. (The classic parser would lift the clauses of
   * a boolean query to the top level with the default operator, turning synonym alternatives and
   * the fields of a word into required clauses.)
   */
  @Override
  protected void addMultiTermClauses(List<BooleanClause> clauses, Query q) {
    if (q != null) {
      clauses.add(newBooleanClause(q, getDefaultOperator() == Operator.AND ? BooleanClause.Occur.MUST : BooleanClause.Occur.SHOULD));
    }
  }

  /** The number of MUST clauses of an all-MUST boolean query, else 1. */
  private static int conjuncts(Query q) {
    if (q instanceof BooleanQuery bq && !bq.clauses().isEmpty()
        && bq.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.MUST)) {
      return bq.clauses().size();
    }
    return 1;
  }

  /** The queries of one bare word in its fields, any of which may match, each weighted by its field's boost. */
  private Query anyOf(List<Query> queries, List<String> names) {
    List<Query> weighted = new ArrayList<>();
    for (int i = 0; i < queries.size(); i++) {
      weighted.add(names.get(i).equals(itemField) ? new org.apache.lucene.search.BoostQuery(queries.get(i), ITEM_BOOST) : queries.get(i));
    }
    if (weighted.size() == 1) {
      return weighted.get(0);
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (Query q : weighted) {
      any.add(q, BooleanClause.Occur.SHOULD);
    }
    return any.build();
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
    if (field == null && CaseNumbers.isCaseNumber(queryText)) {
      return CaseNumbers.query(queryText); // "CM15-0000077", quoted
    }
    if (field == null) {
      // a bare phrase: in each field, weighted as a bare word
      List<Query> perField = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (String f : fields) {
        Query q = super.getFieldQuery(f, queryText, slop);
        if (q != null) {
          perField.add(q);
          names.add(f);
        }
      }
      return perField.isEmpty() ? null : anyOf(perField, names);
    }
    return super.getFieldQuery(field(field, queryText), queryText, slop);
  }

  @Override
  protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
    return pattern(termStr, false, () -> super.getFuzzyQuery(field(field, termStr), termStr, minSimilarity));
  }

  @Override
  protected Query getPrefixQuery(String field, String termStr) throws ParseException {
    if (field == null && CaseNumbers.isCaseNumberPrefix(termStr)) {
      return CaseNumbers.prefixQuery(termStr); // CM15* : the letters of 2015
    }
    return pattern(termStr, false, () -> super.getPrefixQuery(field(field, termStr + "*"), termStr));
  }

  @Override
  protected Query getWildcardQuery(String field, String termStr) throws ParseException {
    return pattern(termStr, false, () -> super.getWildcardQuery(field(field, termStr), termStr));
  }

  @Override
  protected Query getRegexpQuery(String field, String termStr) throws ParseException {
    return pattern(termStr, true, () -> super.getRegexpQuery(field(field, "/" + termStr + "/"), termStr));
  }

  /** A fuzzy term with a bounded number of expansions (Lucene's default, made explicit). */
  @Override
  protected Query newFuzzyQuery(org.apache.lucene.index.Term term, float minimumSimilarity, int prefixLength) {
    String text = term.text();
    int edits = org.apache.lucene.search.FuzzyQuery.floatToEdits(minimumSimilarity, text.codePointCount(0, text.length()));
    return new org.apache.lucene.search.FuzzyQuery(term, edits, prefixLength, QueryLimits.MAX_FUZZY_EXPANSIONS, true);
  }

  /** Builds one pattern term's query; the parser's builders throw ParseException. */
  @FunctionalInterface
  private interface PatternBuilder {
    Query build() throws ParseException;
  }

  /** Checks and counts a pattern term (see {@link #pattern(String, boolean)}), then builds it, its fields' expansion not counted again. */
  private Query pattern(String termStr, boolean regex, PatternBuilder builder) throws ParseException {
    pattern(termStr, regex);
    expanding++;
    try {
      return builder.build();
    } finally {
      expanding--;
    }
  }

  /**
   * Counts a pattern term the user wrote (once, not once per field of a bare word) and checks it
   * before any automaton is built from it.
   */
  private void pattern(String termStr, boolean regex) throws ParseException {
    if (expanding > 0) {
      return;
    }
    try {
      if (++patterns > QueryLimits.MAX_PATTERN_TERMS) {
        throw new QueryLimitException("the query has more than " + QueryLimits.MAX_PATTERN_TERMS
            + " wildcard, fuzzy or regular-expression terms");
      }
      if (regex) {
        QueryLimits.checkRegex(termStr, org.apache.lucene.util.automaton.RegExp.ALL);
      } else {
        QueryLimits.checkPattern(termStr);
      }
    } catch (QueryLimitException e) {
      throw new Refused(e);
    }
  }

  /** Carries a refused limit out of the generated parser, which rewraps every ParseException. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(QueryLimitException cause) {
      super(cause.getMessage(), cause, false, false);
    }

    QueryLimitException limit() {
      return (QueryLimitException) getCause();
    }
  }

  @Override
  protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
      throws ParseException {
    return super.getRangeQuery(field(field, part1 + ".." + part2), part1, part2, startInclusive, endInclusive);
  }

  /**
   * Analyzes a run of unquoted words, then splits it where words are separated by whitespace and no
   * synonym spans the gap: each glued group is a phrase, the groups are combined with the operator.
   */
  @Override
  protected Query createFieldQuery(Analyzer analyzer, BooleanClause.Occur operator, String field, String queryText,
      boolean quoted, int phraseSlop) {
    if (quoted) {
      return super.createFieldQuery(analyzer, operator, field, queryText, true, phraseSlop);
    }
    try (TokenStream ts = analyzer.tokenStream(field, queryText)) {
      List<Group> groups = groups(ts, queryText);
      if (groups.size() <= 1 && (groups.isEmpty() || !groups.get(0).glued)) {
        return super.createFieldQuery(new Replay(ts, groups.isEmpty() ? List.of() : groups.get(0).states), operator, field, false, phraseSlop);
      }
      BooleanQuery.Builder all = new BooleanQuery.Builder();
      int clauses = 0;
      Query last = null;
      for (Group g : groups) {
        Query q = super.createFieldQuery(new Replay(ts, g.states), operator, field, g.glued, 0);
        if (q != null) {
          all.add(q, operator);
          clauses++;
          last = q;
        }
      }
      return clauses == 1 ? last : clauses == 0 ? null : all.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Tokens between two cuts; glued when no whitespace separates any of them. */
  private record Group(List<AttributeSource.State> states, boolean glued) {}

  private static List<Group> groups(TokenStream ts, String text) throws IOException {
    PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
    PositionLengthAttribute len = ts.addAttribute(PositionLengthAttribute.class);
    OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
    List<AttributeSource.State> states = new ArrayList<>();
    List<int[]> spans = new ArrayList<>(); // position, end position, start offset, end offset
    ts.reset();
    int pos = -1;
    while (ts.incrementToken()) {
      pos += inc.getPositionIncrement();
      states.add(ts.captureState());
      spans.add(new int[] {pos, pos + len.getPositionLength(), offset.startOffset(), offset.endOffset()});
    }
    ts.end();
    List<Group> out = new ArrayList<>();
    int from = 0;
    int reach = -1; // furthest position reached by the tokens of the current group
    int groupStart = Integer.MAX_VALUE;
    int groupEnd = -1;
    for (int i = 0; i < states.size(); i++) {
      int[] s = spans.get(i);
      if (i > from && s[0] >= reach && whitespaceBetween(text, groupEnd, s[2])) {
        out.add(group(states.subList(from, i), text, groupStart, groupEnd, spans.subList(from, i)));
        from = i;
        groupStart = Integer.MAX_VALUE;
        groupEnd = -1;
      }
      reach = Math.max(reach, s[1]);
      groupStart = Math.min(groupStart, s[2]);
      groupEnd = Math.max(groupEnd, s[3]);
    }
    if (from < states.size()) {
      out.add(group(states.subList(from, states.size()), text, groupStart, groupEnd, spans.subList(from, states.size())));
    }
    return out;
  }

  private static Group group(List<AttributeSource.State> states, String text, int start, int end, List<int[]> spans) {
    int positions = spans.get(spans.size() - 1)[0] - spans.get(0)[0] + 1;
    boolean glued = positions > 1 && !whitespaceBetween(text, start, end);
    return new Group(List.copyOf(states), glued);
  }

  private static boolean whitespaceBetween(String text, int from, int to) {
    for (int i = Math.max(0, from); i < Math.min(to, text.length()); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Replays captured tokens through the attributes of the stream they came from. */
  private static final class Replay extends TokenStream {
    private final List<AttributeSource.State> states;
    private int next;

    Replay(AttributeSource attributes, List<AttributeSource.State> states) {
      super(attributes);
      this.states = states;
    }

    @Override
    public boolean incrementToken() {
      if (next >= states.size()) {
        return false;
      }
      clearAttributes();
      restoreState(states.get(next++));
      return true;
    }

    @Override
    public void reset() {
      next = 0;
    }
  }
}
