package org.imrindex.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.imrindex.schema.IndexField;
import org.imrindex.schema.LetterDocuments;
import org.imrindex.model.Decision;
import org.imrindex.model.DeterminationLetter;

/**
 * Lucene's UnifiedHighlighter reading field text from the stored records (text fields are indexed
 * with offsets but not stored): a decision's item, rationale and citations, a letter's summary. The
 * exact twins have no offsets; their few shown hits are re-analyzed.
 */
final class RecordHighlighter extends UnifiedHighlighter {

  private final QueryIndex index;

  RecordHighlighter(QueryIndex index) {
    super(UnifiedHighlighter.builder(index.searcher(), index.indexAnalyzer())
        .withFormatter(new DefaultPassageFormatter(String.valueOf(SearchResult.MARK_START), String.valueOf(SearchResult.MARK_END), " … ", false))
        .withMaxLength(20_000));
    this.index = index;
  }

  /** The summary is part of the whole letter: words a query found in the letter's text are marked in its summary too. */
  @Override
  protected java.util.function.Predicate<String> getFieldMatcher(String field) {
    if (field.equals(IndexField.SUMMARY.fieldName())) {
      return qf -> qf.equals(field) || qf.equals(IndexField.TEXT.fieldName());
    }
    return super.getFieldMatcher(field);
  }

  @Override
  protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold) throws IOException {
    List<CharSequence[]> out = new ArrayList<>();
    for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
      QueryIndex.Resolved r = index.resolve(doc);
      DeterminationLetter letter = r.letter();
      Decision decision = r.decision();
      CharSequence[] values = new CharSequence[fields.length];
      for (int f = 0; f < fields.length; f++) {
        values[f] = value(fields[f], letter, decision);
      }
      out.add(values);
    }
    return out;
  }

  private static String value(String lucene, DeterminationLetter letter, Decision d) {
    // an exact twin holds the same text as its field
    String field = lucene.endsWith(IndexField.EXACT_SUFFIX) ? lucene.substring(0, lucene.length() - IndexField.EXACT_SUFFIX.length()) : lucene;
    String v = null;
    if (field.equals(IndexField.SUMMARY.fieldName())) {
      v = d == null ? letter.summary() : null;
    } else if (d != null && field.equals(IndexField.ITEM.fieldName())) {
      v = d.item();
    } else if (d != null && field.equals(IndexField.RATIONALE.fieldName())) {
      v = d.rationale();
    } else if (d != null && field.equals(IndexField.GUIDELINE.fieldName())) {
      v = LetterDocuments.guidelineText(d);
    }
    return v == null ? "" : v;
  }
}
