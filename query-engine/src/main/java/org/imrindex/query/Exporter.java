package org.imrindex.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.codecs.StoredFieldsReader;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BitSet;
import org.apache.lucene.util.BytesRef;
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

  /** Reads a letter document's stored record: the whole letter, or only the parts a caller needs. */
  @FunctionalInterface
  public interface RecordReader<L> {
    L read(BytesRef stored) throws IOException;
  }

  /** Receives one decision at a time, with its document number and its letter as a {@link RecordReader} read it. */
  @FunctionalInterface
  public interface RecordSink<L> {
    void accept(int doc, String letterId, L letter, int decisionNo) throws IOException;
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
    return walk(slice, LetterDocuments::record, sink::accept);
  }

  /**
   * Visits every decision of one slice in index order, each letter's record read once by {@code records};
   * returns how many.
   */
  public <L> long walk(Slice slice, RecordReader<L> records, RecordSink<L> sink) throws IOException {
    FacetsCollector.MatchingDocs md = slice.matches();
    LeafReader reader = md.context().reader();
    BitSet parents = index.letters().getBitSet(md.context());
    NumericDocValues numbers = reader.getNumericDocValues(IndexField.DECISION_NO.fieldName());
    long share = (long) md.totalHits() * (slice.to() - slice.from()) / Math.max(1, reader.maxDoc());
    StoredFields stored = sequential(reader, (int) share, slice.to() - slice.from());
    int parent = -1;
    L letter = null;
    String letterId = null;
    LetterFields visitor = new LetterFields();
    long n = 0;
    DocIdSetIterator it = md.bits().iterator();
    for (int doc = slice.from() == 0 ? it.nextDoc() : it.advance(slice.from()); doc < slice.to(); doc = it.nextDoc()) {
      index.checkCancelled();
      int p = parents.nextSetBit(doc);
      if (p != parent) {
        parent = p;
        visitor.record = null;
        visitor.letterId = null;
        stored.document(p, visitor);
        letter = records.read(visitor.record);
        letterId = visitor.letterId;
      }
      if (numbers != null && numbers.advanceExact(doc)) {
        sink.accept(md.context().docBase + doc, letterId, letter, (int) numbers.longValue());
        n++;
      }
    }
    return n;
  }

  /** Reads a letter document's record and id, and no other stored field (no Document is built). */
  private static final class LetterFields extends StoredFieldVisitor {
    private static final String RECORD = IndexField.RECORD.fieldName();
    private static final String LETTER_ID = IndexField.LETTER_ID.fieldName();
    BytesRef record;
    String letterId;

    @Override
    public Status needsField(FieldInfo field) {
      if (record != null && letterId != null) {
        return Status.STOP;
      }
      return field.name.equals(RECORD) || field.name.equals(LETTER_ID) ? Status.YES : Status.NO;
    }

    @Override
    public void binaryField(FieldInfo field, byte[] value) {
      if (field.name.equals(RECORD)) {
        record = new BytesRef(value);
      }
    }

    @Override
    public void stringField(FieldInfo field, String value) {
      if (field.name.equals(LETTER_ID)) {
        letterId = value;
      }
    }
  }
}
