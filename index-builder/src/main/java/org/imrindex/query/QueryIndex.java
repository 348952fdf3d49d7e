package org.imrindex.query;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.join.BitSetProducer;
import org.apache.lucene.search.join.QueryBitSetProducer;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.imrindex.index.FacetDimension;
import org.imrindex.index.IndexField;
import org.imrindex.index.IndexSchema;
import org.imrindex.index.NoIndexException;

/** An index opened for queries (the last commit): searcher, facet state, parent filter. Thread-safe. */
public final class QueryIndex implements AutoCloseable {

  private final Directory dir;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final FacetsConfig config = IndexSchema.facetsConfig();
  private final SortedSetDocValuesReaderState state;
  private final BitSetProducer letters;

  private QueryIndex(Directory dir, DirectoryReader reader) throws IOException {
    this.dir = dir;
    this.reader = reader;
    this.searcher = new IndexSearcher(reader);
    this.state = hasFacets(reader) ? new DefaultSortedSetDocValuesReaderState(reader, config) : null;
    this.letters = new QueryBitSetProducer(new TermQuery(new Term(IndexField.TYPE.fieldName(), IndexField.LETTER)));
  }

  private static boolean hasFacets(DirectoryReader reader) {
    return reader.leaves().stream().anyMatch(l -> l.reader().getFieldInfos().fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME) != null);
  }

  /** Opens the index at {@code index}, or says how to make one. */
  public static QueryIndex open(Path index) throws IOException {
    Directory dir = FSDirectory.open(index);
    if (!DirectoryReader.indexExists(dir)) {
      dir.close();
      throw new NoIndexException(index);
    }
    return new QueryIndex(dir, DirectoryReader.open(dir));
  }

  public IndexSearcher searcher() {
    return searcher;
  }

  public FacetsConfig config() {
    return config;
  }

  /** The facet ordinal state, or null for an index without decisions. */
  public SortedSetDocValuesReaderState state() {
    return state;
  }

  /** The letter documents: the parents of the decision blocks. */
  public BitSetProducer letters() {
    return letters;
  }

  /** Every value the index holds for a dimension, most frequent first (for error messages and completion). */
  public List<String> values(FacetDimension dim) throws IOException {
    List<String> out = new ArrayList<>();
    if (state == null) {
      return out;
    }
    FacetResult r = new SortedSetDocValuesFacetCounts(state).getAllChildren(dim.dim());
    if (r != null) {
      List<LabelAndValue> byCount = new ArrayList<>(List.of(r.labelValues));
      byCount.sort((a, b) -> Long.compare(b.value.longValue(), a.value.longValue()));
      for (LabelAndValue lv : byCount) {
        out.add(lv.label);
      }
    }
    return out;
  }

  /** True when the index has a newer commit than the one this reader sees. */
  public boolean isStale() throws IOException {
    return !reader.isCurrent();
  }

  @Override
  public void close() throws IOException {
    reader.close();
    dir.close();
  }
}
