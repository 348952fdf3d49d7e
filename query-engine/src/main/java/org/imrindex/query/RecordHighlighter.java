package org.imrindex.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.imrindex.model.Decision;
import org.imrindex.model.DeterminationLetter;
import org.imrindex.schema.IndexField;
import org.imrindex.schema.LetterDocuments;

/**
 * Lucene's UnifiedHighlighter reading field text from the stored records (text fields are indexed
 * but not stored) and re-analyzing it, so that any hit — a decision or a letter — shows passages of
 * any field: a decision's item, rationale and citations, its letter's summary and text. A letter
 * hit shows its decisions' fields. The whole letter's text is not stored: its passages come from the
 * parts of the letter its record holds (the summary, then each decision's item, rationale and
 * citations).
 */
final class RecordHighlighter extends UnifiedHighlighter {

  private final QueryIndex index;

  RecordHighlighter(QueryIndex index) {
    super(UnifiedHighlighter.builder(index.searcher(), index.indexAnalyzer())
        .withFormatter(new DefaultPassageFormatter(String.valueOf(SearchResult.MARK_START), String.valueOf(SearchResult.MARK_END), " … ", false))
        .withMaxLength(200_000));
    this.index = index;
  }

  /** Every field is re-analyzed from the record: a hit's fields need not be indexed on the hit's own document. */
  @Override
  protected OffsetSource getOffsetSource(String field) {
    return OffsetSource.ANALYSIS;
  }

  /**
   * The clauses of {@code q} a matching document satisfies or may satisfy (all but those under
   * NOT), grouped by the Lucene field they search, each group as one query that matches when any of
   * its clauses does. A field is highlighted with its own group: the highlighter marks only what a
   * query it is given matches in that one field, so a query whose clauses span fields (or the
   * decision and its letter) would mark nothing.
   */
  static Map<String, Query> positiveClauses(Query q) {
    Map<String, List<Query>> byField = new LinkedHashMap<>();
    collect(q, byField);
    Map<String, Query> out = new LinkedHashMap<>();
    byField.forEach((field, queries) -> {
      if (queries.size() == 1) {
        out.put(field, queries.get(0));
      } else {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        queries.forEach(c -> any.add(c, BooleanClause.Occur.SHOULD));
        out.put(field, any.build());
      }
    });
    return out;
  }

  private static void collect(Query q, Map<String, List<Query>> byField) {
    if (q instanceof BooleanQuery bq) {
      for (BooleanClause c : bq.clauses()) {
        if (c.occur() != BooleanClause.Occur.MUST_NOT) {
          collect(c.query(), byField);
        }
      }
      return;
    }
    if (q instanceof BoostQuery b) {
      collect(b.getQuery(), byField);
      return;
    }
    if (q instanceof ConstantScoreQuery c) {
      collect(c.getQuery(), byField);
      return;
    }
    java.util.Set<String> fields = new java.util.LinkedHashSet<>();
    q.visit(new QueryVisitor() {
      @Override
      public boolean acceptField(String field) {
        fields.add(field);
        return false;
      }
    });
    for (String f : fields) {
      byField.computeIfAbsent(f, k -> new ArrayList<>()).add(q);
    }
  }

  @Override
  protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold) throws IOException {
    List<CharSequence[]> out = new ArrayList<>();
    for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
      QueryIndex.Resolved r = index.resolve(doc);
      CharSequence[] values = new CharSequence[fields.length];
      for (int f = 0; f < fields.length; f++) {
        values[f] = value(fields[f], r.letter(), r.decision());
      }
      out.add(values);
    }
    return out;
  }

  /** The text of a field for a hit: a decision's own, or for a letter (d null) all its decisions'. */
  static String value(String lucene, DeterminationLetter letter, Decision d) {
    // an exact twin holds the same text as its field
    String field = lucene.endsWith(IndexField.EXACT_SUFFIX) ? lucene.substring(0, lucene.length() - IndexField.EXACT_SUFFIX.length()) : lucene;
    if (field.equals(IndexField.SUMMARY.fieldName())) {
      return orEmpty(letter.summary());
    }
    if (field.equals(IndexField.TEXT.fieldName())) {
      List<String> parts = new ArrayList<>();
      parts.add(letter.summary());
      for (Decision each : letter.decisions()) {
        parts.add(each.item());
        parts.add(each.rationale());
        parts.add(each.claimsAdministratorGuideline());
        parts.add(each.reviewerGuideline());
      }
      return paragraphs(parts);
    }
    List<String> parts = new ArrayList<>();
    for (Decision each : d == null ? letter.decisions() : List.of(d)) {
      if (field.equals(IndexField.ITEM.fieldName())) {
        parts.add(each.item());
      } else if (field.equals(IndexField.RATIONALE.fieldName())) {
        parts.add(each.rationale());
      } else if (field.equals(IndexField.GUIDELINE.fieldName())) {
        parts.add(LetterDocuments.guidelineText(each));
      }
    }
    return paragraphs(parts);
  }

  /**
   * Between the texts of one field value: the paragraph separator, where the sentence iterator
   * always ends a passage, so that no passage runs from one item (or rationale) into the next.
   */
  static final char PARAGRAPH = '\u2029';

  /** Texts one paragraph each, the missing left out. */
  private static String paragraphs(List<String> parts) {
    return String.join(String.valueOf(PARAGRAPH), parts.stream().filter(p -> p != null && !p.isBlank()).toList());
  }

  /** A passage as shown: without the paragraph separators it may end with. */
  static String shown(String passage) {
    return passage.replace(String.valueOf(PARAGRAPH), " ").replaceAll(" +(?= … |$)", "");
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
