package org.imrindex.query;

import java.io.IOException;
import java.util.Locale;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.imrindex.schema.IndexField;

/**
 * Finds one letter by its case number ({@code CM15-0000077}, any case) or its letter id, whole or by
 * the first 8 or more characters that search hits print ({@code letter 41bcf7ba9b90}).
 */
public final class LetterLookup {

  /** The shortest letter-id prefix looked up: shorter ones would name many letters. */
  public static final int MIN_PREFIX = 8;

  private final QueryIndex index;

  public LetterLookup(QueryIndex index) {
    this.index = index;
  }

  /**
   * The letter, or null when no letter has that case number or id; a prefix that names several
   * letters is a usage error that says how many.
   */
  public QueryIndex.Resolved find(String caseOrId) throws IOException, QuerySyntaxException {
    String key = caseOrId == null ? "" : caseOrId.strip();
    if (key.isEmpty()) {
      throw new QuerySyntaxException("show takes a case number (CM15-0000077) or a letter id");
    }
    Query exact = CaseNumbers.isCaseNumber(key) ? CaseNumbers.query(key)
        : new TermQuery(new Term(IndexField.LETTER_ID.fieldName(), key.toLowerCase(Locale.ROOT)));
    QueryIndex.Resolved found = one(exact, key);
    if (found != null || CaseNumbers.isCaseNumber(key)) {
      return found;
    }
    if (key.length() < MIN_PREFIX) {
      throw new QuerySyntaxException("'" + key + "' is neither a case number nor a letter id (ids are 64 hex characters;"
          + " at least " + MIN_PREFIX + " of them find one)");
    }
    return one(new PrefixQuery(new Term(IndexField.LETTER_ID.fieldName(), key.toLowerCase(Locale.ROOT))), key);
  }

  private QueryIndex.Resolved one(Query q, String key) throws IOException, QuerySyntaxException {
    Query letters = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(IndexField.TYPE.fieldName(), IndexField.LETTER)), BooleanClause.Occur.FILTER)
        .add(q, BooleanClause.Occur.FILTER).build();
    TopDocs top = index.searcher().search(letters, 2);
    if (top.totalHits.value() > 1) {
      throw new QuerySyntaxException(String.format(Locale.ROOT, "'%s' names %,d letters; give more of the id", key, top.totalHits.value()));
    }
    ScoreDoc[] hits = top.scoreDocs;
    return hits.length == 0 ? null : index.resolve(hits[0].doc);
  }
}
