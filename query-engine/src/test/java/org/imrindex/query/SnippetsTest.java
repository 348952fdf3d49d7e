package org.imrindex.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imrindex.analysis.AnalysisChain;
import org.imrindex.index.IngestListener;
import org.imrindex.index.IngestRequest;
import org.imrindex.index.IngestSummary;
import org.imrindex.index.Ingester;
import org.imrindex.parse.IsolatedParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every hit shows why it matched: a highlighted passage of each field its query's positive clauses
 * search, also when the clauses span a decision and its letter, for the whole letter's text, at the
 * letter level and in exact mode (on the bundled letters).
 */
class SnippetsTest {

  @TempDir
  static Path tmp;

  private static QueryIndex qi;

  @BeforeAll
  static void indexTheBundledLetters() throws IOException {
    Path letters = Path.of("..", "corpus-samples", "letters").toAbsolutePath().normalize();
    IngestSummary s = new Ingester(new IngestRequest(tmp.resolve("index"), List.of(letters), 2, 100_000, Duration.ofMinutes(10),
        IsolatedParser.Options.defaults(), AnalysisChain.MEDICAL), IngestListener.NONE).run();
    assertEquals(List.of(), s.rejected());
    qi = QueryIndex.open(tmp.resolve("index"));
  }

  @AfterAll
  static void close() throws IOException {
    qi.close();
  }

  private static SearchResult search(String query, boolean exact, Level level) throws Exception {
    return new Searcher(qi).search(new SearchRequest(query, exact, new Filters(Map.of(), Map.of()), List.of(), level, 100, 0, SearchSort.RELEVANCE));
  }

  /** The words marked in a passage, lowercase. */
  private static List<String> marked(String passage) {
    Matcher m = Pattern.compile(SearchResult.MARK_START + "([^" + SearchResult.MARK_END + "]*)" + SearchResult.MARK_END).matcher(passage);
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(m.group(1).toLowerCase(Locale.ROOT));
    }
    return out;
  }

  private static String plain(String passage) {
    return passage.replace(String.valueOf(SearchResult.MARK_START), "").replace(String.valueOf(SearchResult.MARK_END), "");
  }

  private static List<String> fields(SearchResult.Hit h) {
    return h.snippets().stream().map(SearchResult.Snippet::field).toList();
  }

  @Test
  void clausesOnADecisionAndItsLetterEachShowTheirPassage() throws Exception {
    // seeds/000_3a4e8d0113b4c357.txt: the Valium rationale says "benzodiazepines", the summary "lumbar fusion"
    SearchResult r = search("rationale:benzodiazepines AND summary:\"lumbar fusion\"", false, Level.DECISION);
    assertEquals(1, r.total());
    SearchResult.Hit h = r.hits().get(0);
    assertEquals("30 Tablets of Valium 10mg", h.letter().decisions().get(h.decisionNo()).item());
    assertEquals(List.of("rationale", "summary"), fields(h));
    String rationale = h.snippets().get(0).text();
    assertTrue(plain(rationale).contains("The California MTUS guidelines do not recommend the use of benzodiazepines for extended durations of"
        + " treatment due to the risk of physical and psychological dependence."), rationale);
    // the class finds its drug too: Valium is a benzodiazepine
    assertEquals(List.of("benzodiazepines", "valium"), marked(rationale));
    assertEquals("The patient developed chronic low back pain and ultimately underwent a \u0002lumbar fusion\u0003.", h.snippets().get(1).text());
    // a NOT clause shows nothing: the Percocet decision matched by its letter's summary alone
    SearchResult not = search("summary:\"lumbar fusion\" AND NOT rationale:benzodiazepines", false, Level.DECISION);
    assertEquals(1, not.total());
    assertEquals(List.of("summary"), fields(not.hits().get(0)));
  }

  @Test
  void theWholeLetterShowsWhereItSaysTheWord() throws Exception {
    SearchResult r = search("text:UDS", false, Level.DECISION);
    assertTrue(r.total() > 0);
    for (SearchResult.Hit h : r.hits()) {
      assertEquals(List.of("text"), fields(h), h.letterId());
      // UDS is the abbreviation of "urine drug screen", which these letters write out
      assertEquals(List.of("urine drug screen"), marked(h.snippets().get(0).text()), h.snippets().get(0).text());
    }
    // samples/cover-01-partial-overturn.txt: the MRI decision's letter says it in the Norco rationale
    SearchResult.Hit mri = r.hits().stream().filter(h -> "CM14-0041187".equals(h.letter().caseNumber())
        && h.letter().decisions().get(h.decisionNo()).item().equals("Repeat MRI of the right shoulder")).findFirst().orElseThrow();
    assertEquals("The records document the 4 A's of ongoing opioid management: pain decreased from 8/10 to 4/10, the injured worker"
        + " returned to modified duty, no adverse effects are reported and a \u0002urine drug screen\u0003 was consistent.",
        mri.snippets().get(0).text());
  }

  @Test
  void everyFieldOfAConjunctionShowsAPassageOnEveryHit() throws Exception {
    Map<String, List<String>> queries = new java.util.LinkedHashMap<>();
    queries.put("item:norco", List.of("item"));
    queries.put("guideline:ODG", List.of("guideline"));
    queries.put("rationale:\"long-term use\"", List.of("rationale"));
    queries.put("summary:\"lumbar fusion\"", List.of("summary"));
    queries.put("text:opioid AND item:norco", List.of("item", "text"));
    queries.put("item:(MRI OR Norco) AND rationale:documentation", List.of("item", "rationale"));
    queries.put("guideline:MTUS AND rationale:benzodiazepines AND text:\"lumbar fusion\"", List.of("rationale", "guideline", "text"));
    for (Map.Entry<String, List<String>> q : queries.entrySet()) {
      SearchResult r = search(q.getKey(), false, Level.DECISION);
      assertTrue(r.total() > 0 && r.total() == r.hits().size(), q.getKey());
      for (SearchResult.Hit h : r.hits()) {
        assertEquals(q.getValue(), fields(h), q.getKey() + " " + h.letterId() + " " + h.decisionNo());
        h.snippets().forEach(s -> assertFalse(marked(s.text()).isEmpty(), s.text()));
      }
    }
  }

  @Test
  void letterHitsAndExactModeShowTheirPassagesToo() throws Exception {
    // a letter found through a decision shows that decision's passage
    SearchResult letters = search("rationale:benzodiazepines", false, Level.LETTER);
    assertEquals(4, letters.total());
    for (SearchResult.Hit h : letters.hits()) {
      assertEquals(List.of("rationale"), fields(h), h.letterId());
    }
    // exact mode marks the word as written: "NSAIDs" (seeds and samples name it in three rationales)
    SearchResult exact = search("rationale:NSAIDs", true, Level.DECISION);
    assertEquals(3, exact.total());
    for (SearchResult.Hit h : exact.hits()) {
      assertEquals(List.of("rationale"), fields(h));
      assertTrue(marked(h.snippets().get(0).text()).stream().allMatch(w -> w.equals("nsaids")), h.snippets().get(0).text());
    }
  }
}
