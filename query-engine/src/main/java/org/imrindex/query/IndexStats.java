package org.imrindex.query;

import org.imrindex.schema.FacetDimension;
import org.imrindex.schema.IndexField;
import org.imrindex.schema.IndexSchema;
import org.imrindex.schema.NoIndexException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * What an index holds, as of its last commit.
 *
 * @param letters letter documents
 * @param decisions decision documents
 * @param upheld decisions upheld
 * @param overturned decisions overturned
 * @param lettersWithParseWarnings letters the parser could not read whole (see {@link FacetDimension#PARSE_WARNINGS})
 * @param decisionsInLettersWithParseWarnings the decisions of those letters
 * @param dims distinct values per facet dimension, in dimension order
 * @param indexBytes bytes of the index files
 * @param lastCommit when the last commit was made (ISO instant), or null
 * @param toolVersion the version of the tool that made it
 */
public record IndexStats(long letters, long decisions, long upheld, long overturned, long lettersWithParseWarnings,
    long decisionsInLettersWithParseWarnings, Map<String, Integer> dims,
    long indexBytes, String lastCommit, String toolVersion) {

  /** Reads the statistics of the index at {@code index}. */
  public static IndexStats read(Path index) throws IOException {
    try (Directory dir = FSDirectory.open(index)) {
      if (!DirectoryReader.indexExists(dir)) {
        throw new NoIndexException(index);
      }
      Map<String, String> commit = SegmentInfos.readLatestCommit(dir).getUserData();
      IndexSchema.checkFormat(index, commit);
      long bytes = 0;
      for (String file : dir.listAll()) {
        if (!file.equals("write.lock")) {
          bytes += dir.fileLength(file);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        long letters = searcher.count(type(IndexField.LETTER));
        Map<String, Integer> dims = new LinkedHashMap<>();
        long upheld = 0;
        long overturned = 0;
        long decisions = searcher.count(type(IndexField.DECISION));
        long warned = searcher.count(withWarnings(IndexField.LETTER));
        long warnedDecisions = searcher.count(withWarnings(IndexField.DECISION));
        if (decisions > 0) {
          FacetsCollector fc = searcher.search(type(IndexField.DECISION), new FacetsCollectorManager());
          FacetsConfig config = IndexSchema.facetsConfig();
          SortedSetDocValuesFacetCounts outcomes = null;
          for (FacetDimension d : FacetDimension.values()) {
            if (d.computed()) {
              continue; // not indexed: its values depend on the whole index (see FacetDimension.computed)
            }
            FacetResult r = null;
            if (IndexSchema.hasFacetField(reader, d)) {
              SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(
                  new DefaultSortedSetDocValuesReaderState(reader, IndexSchema.facetField(d), config), fc);
              r = counts.getTopChildren(1, d.dim());
              if (d == FacetDimension.OUTCOME) {
                outcomes = counts;
              }
            }
            dims.put(d.dim(), r == null ? 0 : r.childCount);
          }
          upheld = outcomes == null ? 0 : count(outcomes, "upheld");
          overturned = outcomes == null ? 0 : count(outcomes, "overturned");
        } else {
          for (FacetDimension d : FacetDimension.values()) {
            if (!d.computed()) {
              dims.put(d.dim(), 0);
            }
          }
        }
        return new IndexStats(letters, decisions, upheld, overturned, warned, warnedDecisions, dims, bytes,
            commit.get(IndexSchema.COMMITTED_AT), commit.getOrDefault(IndexSchema.TOOL_VERSION, IndexSchema.toolVersion()));
      }
    }
  }

  private static long count(SortedSetDocValuesFacetCounts counts, String outcome) throws IOException {
    try {
      Number n = counts.getSpecificValue(FacetDimension.OUTCOME.dim(), outcome);
      return n == null || n.intValue() < 0 ? 0 : n.longValue();
    } catch (IllegalArgumentException e) {
      return 0; // no decision has this outcome yet
    }
  }

  /** Documents of a type whose letter has parse warnings (decisions carry their letter's value). */
  private static Query withWarnings(String type) {
    return new BooleanQuery.Builder()
        .add(type(type), BooleanClause.Occur.FILTER)
        .add(new TermQuery(IndexSchema.facetTerm(FacetDimension.PARSE_WARNINGS, FacetDimension.SOME_WARNINGS)),
            BooleanClause.Occur.FILTER)
        .build();
  }

  private static TermQuery type(String type) {
    return new TermQuery(new Term(IndexField.TYPE.fieldName(), type));
  }
}
