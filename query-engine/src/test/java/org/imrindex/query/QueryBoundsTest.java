package org.imrindex.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RegexpQuery;
import org.imrindex.analysis.AnalysisChain;
import org.imrindex.index.IngestListener;
import org.imrindex.index.IngestRequest;
import org.imrindex.index.IngestSummary;
import org.imrindex.index.Ingester;
import org.imrindex.parse.IsolatedParser;
import org.imrindex.schema.FacetDimension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every query is bounded by counts, not by luck: regular expressions are measured before Lucene
 * builds an automaton, wildcards are bounded by the determinization work limit, clauses and pattern
 * terms are counted, the result window is capped, and a search past its time budget is refused
 * with a one-line reason. No test here measures time.
 */
class QueryBoundsTest {

  @TempDir
  static Path tmp;

  private static QueryIndex qi;

  @BeforeAll
  static void indexTheBundledLetters() throws IOException {
    Path letters = Path.of("..", "corpus-samples", "letters").toAbsolutePath().normalize();
    Path index = tmp.resolve("index");
    IngestSummary s = new Ingester(new IngestRequest(index, List.of(letters), 2, 100_000, Duration.ofMinutes(10),
        IsolatedParser.Options.defaults(), AnalysisChain.MEDICAL), IngestListener.NONE).run();
    assertEquals(List.of(), s.rejected());
    qi = QueryIndex.open(index);
  }

  @AfterAll
  static void close() throws IOException {
    qi.close();
  }

  private static QuerySyntaxException refused(String query) {
    return assertThrows(QuerySyntaxException.class, () -> new QueryBuilder(qi).parse(query, false), query);
  }

  private static SearchRequest request(String query, int limit, int offset) {
    return new SearchRequest(query, false, Filters.none(), List.of(FacetDimension.OUTCOME), Level.DECISION, limit, offset,
        SearchSort.RELEVANCE);
  }

  @Test
  void nestedCountedRepetitionIsRefusedFromItsSyntaxBeforeAnyAutomatonIsBuilt() {
    QuerySyntaxException e = refused("/((a{1,50}){1,50}){1,50}/");
    assertInstanceOf(QueryLimitException.class, e);
    assertEquals("the regular expression /((a{1,50}){1,50}){1,50}/ is too complex: its counted repetitions expand to more"
        + " than 2,000 states; use smaller {n,m} bounds or fewer nested ones", e.getMessage());
    // one level less is 2,500 states: still refused; a plain bounded one runs
    assertInstanceOf(QueryLimitException.class, refused("item:/(a{1,50}){1,50}/"));
    assertInstanceOf(QueryLimitException.class, refused("/x{0,100000}/"));
  }

  @Test
  void theSizeEstimateMultipliesNestedRepetitionAndSaturates() {
    assertEquals(50, QueryLimits.size(new org.apache.lucene.util.automaton.RegExp("a{1,50}")));
    assertEquals(1_000, QueryLimits.size(new org.apache.lucene.util.automaton.RegExp("(a{1,20}){1,50}")));
    assertEquals(QueryLimits.MAX_REGEX_SIZE + 1L, QueryLimits.size(new org.apache.lucene.util.automaton.RegExp("(a{1,50}){1,50}")));
    assertEquals(QueryLimits.MAX_REGEX_SIZE + 1L, QueryLimits.size(new org.apache.lucene.util.automaton.RegExp("((a{1,50}){1,50}){1,50}")));
    assertEquals(6, QueryLimits.size(new org.apache.lucene.util.automaton.RegExp("opioid"))); // one per character
  }

  @Test
  void aRegularExpressionThatIsSmallButExponentialToDeterminizeIsAnsweredWithinItsSizeBound() throws Exception {
    // 30 states by its syntax, 2^13 once determinized: Lucene 10 runs it as an NFA (no determinization)
    Query q = new QueryBuilder(qi).parse("/(a|b)*a(a|b){12}/", false);
    assertTrue(QueryBuilder.clauses(q) > 0);
    assertEquals(0, new Searcher(qi).search(request("item:/(a|b)*a(a|b){12}/", 10, 0)).total());
  }

  @Test
  void aRegularExpressionEndingInALetterIsStillOne() throws Exception {
    Query q = new QueryBuilder(qi).parse("item:/opioi[a-z]/", false);
    assertInstanceOf(RegexpQuery.class, q, q.toString());
    assertTrue(new Searcher(qi).search(request("rationale:/opioi[a-z]/", 1, 0)).total() > 0);
    // a slash inside a word is still a character, not a regular expression
    assertEquals("10\\/325mg and /x/", QueryBuilder.escapeInnerSlashes("10/325mg and /x/"));
  }

  @Test
  void anInvalidRegularExpressionIsOneLine() {
    QuerySyntaxException e = refused("/a{2,1}/");
    assertTrue(e.getMessage().startsWith("invalid regular expression /a{2,1}/"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }

  @Test
  void patternTermsAreCountedOncePerTermNotPerField() throws Exception {
    String ok = String.join(" OR ", java.util.Collections.nCopies(QueryLimits.MAX_PATTERN_TERMS, "opio*"));
    new QueryBuilder(qi).parse(ok, false);
    QuerySyntaxException e = refused(ok + " OR codeine~");
    assertEquals("the query has more than 32 wildcard, fuzzy or regular-expression terms", e.getMessage());
  }

  @Test
  void fuzzyTermsExpandToABoundedNumberOfTerms() throws Exception {
    Query q = new QueryBuilder(qi).parse("item:tramadl~2", false);
    org.apache.lucene.search.FuzzyQuery f = assertInstanceOf(org.apache.lucene.search.FuzzyQuery.class, q);
    // the expansions are private to FuzzyQuery; its rewrite keeps at most that many terms
    Query rewritten = qi.searcher().rewrite(f);
    assertTrue(QueryBuilder.clauses(rewritten) <= QueryLimits.MAX_FUZZY_EXPANSIONS, rewritten.toString());
  }

  @Test
  void moreClausesThanTheLimitIsAUsageErrorThatSaysSo() {
    // each drug class expands to its products' spellings in several fields (opioid: ~470 clauses)
    String q = String.join(" OR ", java.util.Collections.nCopies(18, "opioid"));
    QuerySyntaxException e = refused(q);
    assertInstanceOf(QueryLimitException.class, e);
    assertEquals("the query expands to more than 8,192 clauses (each word searches several fields and its synonyms); use fewer terms",
        e.getMessage());
  }

  @Test
  void longOrDeeplyNestedQueriesAreRefusedBeforeParsing() {
    assertEquals("the query is 4,001 characters long; at most 4,000 are allowed", refused("a".repeat(4_001)).getMessage());
    assertEquals("the query nests parentheses more than 32 deep", refused("(".repeat(33) + "a" + ")".repeat(33)).getMessage());
    // parentheses inside a phrase are not nesting
    assertThrows(QuerySyntaxException.class, () -> new QueryBuilder(qi).parse("(".repeat(3_000), false));
    assertTrue(assertThrows(QuerySyntaxException.class, () -> new QueryBuilder(qi).parse("(".repeat(3_000), false))
        .getMessage().startsWith("the query nests parentheses"));
    org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> new QueryBuilder(qi).parse("\"" + "(".repeat(40) + "opioid\"", false));
  }

  @Test
  void internalAndUnknownFieldsAreRefused() {
    assertEquals("unknown field '$facet_drug_class:'; search item:, rationale:, guideline:, summary: or text:"
        + " (a dimension is filtered with --filter DIM=VALUE)", refused("$facet_drug_class:opioid").getMessage());
    assertTrue(refused("letter_id:abc").getMessage().startsWith("unknown field 'letter_id:'"));
    assertTrue(refused("record:[a TO b]").getMessage().startsWith("unknown field 'record:'"));
  }

  @Test
  void theResultWindowIsCappedAndNegativeValuesRefused() throws Exception {
    Searcher s = new Searcher(qi);
    String msg = "--offset plus --limit is at most 10,000 (the deepest hit a search shows); narrow the query, or list every hit with imr export";
    assertEquals(msg, assertThrows(QueryLimitException.class, () -> s.search(request("opioid", 10, 999_999_999))).getMessage());
    assertEquals(msg, assertThrows(QueryLimitException.class, () -> s.search(request("opioid", Integer.MAX_VALUE, 0))).getMessage());
    assertEquals(msg, assertThrows(QueryLimitException.class, () -> s.search(request("opioid", Integer.MAX_VALUE, Integer.MAX_VALUE))).getMessage());
    assertThrows(QuerySyntaxException.class, () -> s.search(request("opioid", -1, 0)));
    assertTrue(s.search(request("opioid", 10, 9_990)).hits().isEmpty()); // the window's edge is allowed
  }

  @Test
  void aSearchPastItsTimeBudgetIsStoppedWithAMessageNotAPartialAnswer() throws Exception {
    qi.budget(Duration.ZERO); // every search is over budget at once: no timing involved
    try {
      QueryLimitException e = assertThrows(QueryLimitException.class, () -> new Searcher(qi).search(request("opioid", 10, 0)));
      assertEquals("the search took longer than its time budget of 0 s and was stopped; narrow the query (fewer OR-ed, wildcard"
          + " or fuzzy terms)", e.getMessage());
      assertThrows(QueryLimitException.class, () -> new Reporter(qi).run(new ReportRequest(List.of(FacetDimension.OUTCOME), "opioid",
          false, Filters.none(), Level.DECISION, 1, ReportSort.N)));
    } finally {
      qi.budget(QueryLimits.DEFAULT_BUDGET);
    }
    // a generous budget: the same search answers
    assertTrue(new Searcher(qi).search(request("opioid", 10, 0)).total() > 0);
  }

  @Test
  void termsLimitIsBounded() {
    TermsRequest negative = new TermsRequest(org.imrindex.schema.IndexField.RATIONALE, null, false, true, Filters.none(), -1);
    assertEquals("--limit takes 0 to 1,000 terms per side, got -1",
        assertThrows(QuerySyntaxException.class, () -> new SignificantTerms(qi).run(negative)).getMessage());
  }
}
