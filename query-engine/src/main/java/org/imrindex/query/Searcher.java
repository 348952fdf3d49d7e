package org.imrindex.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.join.ScoreMode;
import org.apache.lucene.search.join.ToParentBlockJoinQuery;
import org.imrindex.schema.FacetDimension;
import org.imrindex.schema.IndexField;

/**
 * Runs searches: ranked hits (decisions, or letters scored by their best decision), highlighted
 * snippets, and facet counts computed drill-sideways — each filtered dimension is counted with its
 * own filter left out, so it still shows its other values.
 */
public final class Searcher {

  /** The text fields a hit shows passages of, in this order, and how many passages of each. */
  private static final IndexField[] SNIPPET_FIELDS = {IndexField.ITEM, IndexField.RATIONALE, IndexField.GUIDELINE, IndexField.SUMMARY, IndexField.TEXT};
  private static final int[] PASSAGES = {1, 2, 1, 1, 1};
  private static final int FACET_VALUES = 10;

  private final QueryIndex index;
  private final QueryBuilder builder;

  public Searcher(QueryIndex index) {
    this.index = index;
    this.builder = new QueryBuilder(index);
  }

  public SearchResult search(SearchRequest asked) throws IOException, QuerySyntaxException {
    if (asked.limit() < 0 || asked.offset() < 0) {
      throw new QuerySyntaxException("--limit and --offset cannot be negative");
    }
    if ((long) asked.offset() + asked.limit() > QueryLimits.MAX_RESULT_WINDOW) {
      throw new QueryLimitException(String.format(java.util.Locale.ROOT,
          "--offset plus --limit is at most %,d (the deepest hit a search shows); narrow the query, or list every hit with imr export",
          QueryLimits.MAX_RESULT_WINDOW));
    }
    SearchRequest r = new SearchRequest(asked.query(), asked.exact(), builder.validate(asked.filters()), asked.facets(), asked.level(), asked.limit(), asked.offset(), asked.sort());
    // parsed once for ranking, facets and snippets
    Query parsed = r.query() == null || r.query().isBlank() ? null : builder.parse(r.query(), r.exact());
    Query decisions = builder.decisions(parsed, r.filters());
    Query q = r.level() == Level.DECISION ? decisions : new ToParentBlockJoinQuery(decisions, index.letters(), ScoreMode.Max);
    int n = Math.max(1, r.offset() + r.limit());
    // one pass ranks and counts every hit exactly (no separate count pass)
    TopDocs top;
    if (r.sort() == SearchSort.RELEVANCE) {
      top = index.search(q, new TopScoreDocCollectorManager(n, Integer.MAX_VALUE));
    } else {
      top = index.search(q, new TopFieldCollectorManager(byDate(r.sort() == SearchSort.DATE), n, Integer.MAX_VALUE));
      TopFieldCollector.populateScores(top.scoreDocs, index.searcher(), q);
    }
    long total = top.totalHits.value();
    List<ScoreDoc> page = new ArrayList<>();
    for (int i = r.offset(); i < top.scoreDocs.length && page.size() < r.limit(); i++) {
      page.add(top.scoreDocs[i]);
    }
    Map<Integer, List<SearchResult.Snippet>> snippets = snippets(r, parsed, page);
    List<SearchResult.Hit> hits = new ArrayList<>();
    for (ScoreDoc sd : page) {
      hits.add(hit(sd, snippets.getOrDefault(sd.doc, List.of())));
    }
    return new SearchResult(r, total, hits, facets(r, parsed));
  }

  /**
   * By decision date, newest or oldest first, undated hits last either way; ties by score, then by
   * letter id, so that the order never depends on the order in which threads happened to index letters.
   */
  private static Sort byDate(boolean newestFirst) {
    SortField date = new SortField(IndexField.DECISION_DATE.fieldName(), SortField.Type.LONG, newestFirst);
    date.setMissingValue(newestFirst ? Long.MIN_VALUE : Long.MAX_VALUE);
    SortField letter = new SortField(IndexField.LETTER_ID.fieldName(), SortField.Type.STRING);
    return new Sort(date, SortField.FIELD_SCORE, letter);
  }

  private SearchResult.Hit hit(ScoreDoc sd, List<SearchResult.Snippet> snippets) throws IOException {
    QueryIndex.Resolved r = index.resolve(sd.doc);
    return new SearchResult.Hit(r.letterId(), r.decisionNo(), r.letter(), sd.score, snippets);
  }

  /**
   * Passages of every field a positive clause of the query searches, for each hit that has a match
   * in it: one of the item, two of the rationale, one of the citations, one of the letter's summary
   * and one of its text (a letter hit shows its decisions' fields). Each field is highlighted with
   * its own clauses, so that a query whose clauses span fields, or a decision and its letter, marks
   * each of them.
   */
  private Map<Integer, List<SearchResult.Snippet>> snippets(SearchRequest r, Query q, List<ScoreDoc> page) throws IOException {
    Map<Integer, List<SearchResult.Snippet>> out = new LinkedHashMap<>();
    if (q == null || page.isEmpty()) {
      return out;
    }
    RecordHighlighter highlighter = new RecordHighlighter(index);
    int[] docs = page.stream().mapToInt(sd -> sd.doc).toArray();
    Map<String, Query> byField = RecordHighlighter.positiveClauses(q);
    for (int f = 0; f < SNIPPET_FIELDS.length; f++) {
      IndexField field = SNIPPET_FIELDS[f];
      String name = r.exact() && field.hasExactTwin() ? field.exactFieldName() : field.fieldName();
      Query clauses = byField.get(name);
      if (clauses == null) {
        continue;
      }
      String[] passages = highlighter.highlightFields(new String[] {name}, clauses, docs, new int[] {PASSAGES[f]}).get(name);
      for (int i = 0; i < docs.length; i++) {
        if (passages[i] != null && passages[i].indexOf(SearchResult.MARK_START) >= 0) {
          out.computeIfAbsent(docs[i], k -> new ArrayList<>()).add(new SearchResult.Snippet(field.fieldName(), RecordHighlighter.shown(passages[i])));
        }
      }
    }
    return out;
  }

  private Map<String, List<SearchResult.FacetCount>> facets(SearchRequest r, Query parsed) throws IOException, QueryLimitException {
    Map<String, List<SearchResult.FacetCount>> out = new LinkedHashMap<>();
    FacetsCollector all = null;
    for (FacetDimension dim : r.facets()) {
      SortedSetDocValuesReaderState state = dim.computed() ? null : index.state(dim);
      List<SearchResult.FacetCount> values = new ArrayList<>();
      out.put(dim.dim(), values);
      if (state == null && !dim.computed()) {
        continue; // no document has this dimension
      }
      FacetsCollector matching;
      if (r.filters().values().containsKey(dim.dim())) {
        // drill-sideways: a filtered dimension is counted without its own filter
        Map<String, List<String>> others = new LinkedHashMap<>(r.filters().values());
        others.remove(dim.dim());
        matching = collect(builder.decisions(parsed, new Filters(others, r.filters().ranges())));
      } else {
        if (all == null) {
          all = collect(builder.decisions(parsed, r.filters()));
        }
        matching = all;
      }
      if (dim.computed()) {
        values.addAll(computedCounts(dim, matching));
        continue;
      }
      FacetResult fr;
      try {
        fr = new SortedSetDocValuesFacetCounts(state, matching).getTopChildren(FACET_VALUES, dim.dim());
      } catch (IllegalArgumentException e) {
        fr = null; // no matching document has this dimension
      }
      if (fr != null) {
        for (LabelAndValue lv : fr.labelValues) {
          values.add(new SearchResult.FacetCount(lv.label, lv.value.longValue()));
        }
      }
    }
    return out;
  }

  /** The counts of a computed dimension's values among the matching documents, most frequent first (then in value order). */
  private List<SearchResult.FacetCount> computedCounts(FacetDimension dim, FacetsCollector matching) throws IOException {
    long[] n = new long[dim.fixedValues().size()];
    for (FacetsCollector.MatchingDocs md : matching.getMatchingDocs()) {
      org.apache.lucene.index.SortedSetDocValues values = index.facetValues(md.context(), dim);
      org.apache.lucene.search.DocIdSetIterator it = md.bits().iterator();
      for (int doc = it.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (values.advanceExact(doc)) {
          for (int i = 0, c = values.docValueCount(); i < c; i++) {
            n[(int) values.nextOrd()]++;
          }
        }
      }
    }
    List<SearchResult.FacetCount> out = new ArrayList<>();
    for (int v = 0; v < n.length; v++) {
      if (n[v] > 0) {
        out.add(new SearchResult.FacetCount(dim.fixedValues().get(v), n[v]));
      }
    }
    out.sort(java.util.Comparator.comparingLong(SearchResult.FacetCount::count).reversed());
    return out;
  }

  private FacetsCollector collect(Query q) throws IOException, QueryLimitException {
    return index.search(q, new FacetsCollectorManager());
  }

}
