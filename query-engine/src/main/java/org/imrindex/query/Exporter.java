package org.imrindex.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.codecs.StoredFieldsReader;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BitSet;
import org.imrindex.schema.IndexField;
import org.imrindex.schema.LetterDocuments;
import org.imrindex.model.DeterminationLetter;

/**
 * Streams every matching decision with its letter, in index order: each decision's letter is the
 * next letter document of its block, whose stored record is read once for all its decisions.
 */
public final class Exporter {

  /** Receives one decision at a time. */
  @FunctionalInterface
  public interface Sink {
    void accept(String letterId, DeterminationLetter letter, int decisionNo) throws IOException;
  }

  /** Receives one decision at a time, with its document number in the index. */
  @FunctionalInterface
  public interface DocSink {
    void accept(int doc, String letterId, DeterminationLetter letter, int decisionNo) throws IOException;
  }

  private final QueryIndex index;

  public Exporter(QueryIndex index) {
    this.index = index;
  }

  /** Sends every decision matching {@code query} to {@code sink}; returns how many. */
  public long export(Query query, Sink sink) throws IOException {
    return walk(query, (doc, letterId, letter, no) -> sink.accept(letterId, letter, no));
  }

  /**
   * The segment's stored fields for a walk in document order. When the walk touches a good share of
   * the segment (an export, terms over all decisions), the reader that merges use: it decompresses
   * each block once, where the per-document reader decompresses a document's part of a block again
   * for every document (with DEFLATE that was most of the time of terms over 100,000 letters).
   */
  private static StoredFields sequential(LeafReader reader, int hits, int docs) throws IOException {
    if (reader instanceof CodecReader codec && hits > docs / 32) {
      StoredFieldsReader merging = codec.getFieldsReader().getMergeInstance();
      return new StoredFields() {
        @Override
        public void document(int docID, StoredFieldVisitor visitor) throws IOException {
          merging.document(docID, visitor);
        }
      };
    }
    return reader.storedFields();
  }

  /** Visits every decision matching {@code query} in index order; returns how many. */
  public long walk(Query query, DocSink sink) throws IOException {
    long n = 0;
    for (Slice slice : slices(query, Integer.MAX_VALUE)) {
      n += walk(slice, sink);
    }
    return n;
  }

  /**
   * One segment's matches with document numbers in [{@code from}, {@code to}): slices can be walked
   * on different threads (a decision finds its letter whichever slice it is in).
   */
  public record Slice(FacetsCollector.MatchingDocs matches, int from, int to) {}

  /** The matches of {@code query}, cut into slices of at most {@code docsPerSlice} documents, in index order. */
  public List<Slice> slices(Query query, int docsPerSlice) throws IOException {
    FacetsCollector fc = index.searcher().search(query, new FacetsCollectorManager());
    List<Slice> out = new ArrayList<>();
    for (FacetsCollector.MatchingDocs md : fc.getMatchingDocs()) {
      int maxDoc = md.context().reader().maxDoc();
      for (int from = 0; from < maxDoc; from += docsPerSlice) {
        out.add(new Slice(md, from, (int) Math.min(maxDoc, (long) from + docsPerSlice)));
      }
    }
    return out;
  }

  /** Visits every decision of one slice in index order; returns how many. */
  public long walk(Slice slice, DocSink sink) throws IOException {
    FacetsCollector.MatchingDocs md = slice.matches();
    LeafReader reader = md.context().reader();
    BitSet parents = index.letters().getBitSet(md.context());
    NumericDocValues numbers = reader.getNumericDocValues(IndexField.DECISION_NO.fieldName());
    long share = (long) md.totalHits() * (slice.to() - slice.from()) / Math.max(1, reader.maxDoc());
    StoredFields stored = sequential(reader, (int) share, slice.to() - slice.from());
    int parent = -1;
    DeterminationLetter letter = null;
    String letterId = null;
    long n = 0;
    DocIdSetIterator it = md.bits().iterator();
    for (int doc = slice.from() == 0 ? it.nextDoc() : it.advance(slice.from()); doc < slice.to(); doc = it.nextDoc()) {
      index.checkCancelled();
      int p = parents.nextSetBit(doc);
      if (p != parent) {
        parent = p;
        Document d = stored.document(p);
        letter = LetterDocuments.record(d.getBinaryValue(IndexField.RECORD.fieldName()));
        letterId = d.get(IndexField.LETTER_ID.fieldName());
      }
      if (numbers != null && numbers.advanceExact(doc)) {
        sink.accept(md.context().docBase + doc, letterId, letter, (int) numbers.longValue());
        n++;
      }
    }
    return n;
  }
}
