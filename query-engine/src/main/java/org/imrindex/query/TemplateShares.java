package org.imrindex.query;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.join.BitSetProducer;
import org.apache.lucene.util.BitSet;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.imrindex.schema.FacetDimension;
import org.imrindex.schema.IndexField;

/**
 * The template share of every decision of one index snapshot: the share of its rationale's sentences
 * (normalized, {@link org.imrindex.schema.RationaleSentences}) that occur in at least
 * {@value #MIN_OTHER_LETTERS} other letters' rationales. The index holds each decision's sentence
 * hashes; how many live letters have each sentence is counted here, once per snapshot, in one pass
 * over those doc values (a letter counts once however many of its decisions repeat a sentence, and a
 * replaced or deleted letter not at all). So the share is right after any number of incremental
 * runs, and indexing pays only for hashing the sentences. Thread-safe.
 */
final class TemplateShares {

  /** Other letters a sentence must occur in to be boilerplate (README: "Template share"). */
  static final int MIN_OTHER_LETTERS = 2;

  private static final String FIELD = IndexField.RATIONALE_SENTENCES.fieldName();
  private static final byte NONE = -1;

  private final LongCounts counts = new LongCounts();
  /** Per segment (by its position in the reader), each document's band, or NONE. */
  private final ConcurrentHashMap<Integer, byte[]> bands = new ConcurrentHashMap<>();

  TemplateShares(IndexReader reader, BitSetProducer letters) throws IOException {
    long[] letterSentences = new long[64];
    for (LeafReaderContext leaf : reader.leaves()) {
      SortedNumericDocValues values = leaf.reader().getSortedNumericDocValues(FIELD);
      if (values == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      BitSet parents = letters.getBitSet(leaf);
      int parent = -1;
      int n = 0;
      for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        int p = parents.nextSetBit(doc);
        if (p != parent) {
          countDistinct(letterSentences, n);
          n = 0;
          parent = p;
        }
        for (int i = 0, c = values.docValueCount(); i < c; i++) {
          if (n == letterSentences.length) {
            letterSentences = Arrays.copyOf(letterSentences, n * 2);
          }
          letterSentences[n++] = values.nextValue();
        }
      }
      countDistinct(letterSentences, n);
    }
  }

  /** Counts each distinct sentence of one letter once. */
  private void countDistinct(long[] sentences, int n) {
    Arrays.sort(sentences, 0, n);
    for (int i = 0; i < n; i++) {
      if (i == 0 || sentences[i] != sentences[i - 1]) {
        counts.increment(sentences[i]);
      }
    }
  }

  /** Live letters whose rationales have the sentence with this hash. */
  int letters(long sentence) {
    return counts.get(sentence);
  }

  /** True when a sentence of a letter that has it is boilerplate: in at least MIN_OTHER_LETTERS others. */
  boolean isTemplate(long sentence) {
    return counts.get(sentence) - 1 >= MIN_OTHER_LETTERS;
  }

  /** The template share of one decision from its sentence hashes, or null when it has none. */
  Double share(long[] sentences) {
    if (sentences.length == 0) {
      return null;
    }
    int templated = 0;
    for (long s : sentences) {
      templated += isTemplate(s) ? 1 : 0;
    }
    return (double) templated / sentences.length;
  }

  /** The {@link FacetDimension#TEMPLATE_BAND} values of one segment, as the doc values of a facet field would give them. */
  SortedSetDocValues bands(LeafReaderContext leaf) throws IOException {
    return new BandValues(bandsOf(leaf));
  }

  private byte[] bandsOf(LeafReaderContext leaf) throws IOException {
    byte[] cached = bands.get(leaf.ord);
    if (cached != null) {
      return cached;
    }
    byte[] out = new byte[leaf.reader().maxDoc()];
    Arrays.fill(out, NONE);
    SortedNumericDocValues values = leaf.reader().getSortedNumericDocValues(FIELD);
    if (values != null) {
      long[] sentences = new long[64];
      for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
        int c = values.docValueCount();
        if (c > sentences.length) {
          sentences = new long[c];
        }
        for (int i = 0; i < c; i++) {
          sentences[i] = values.nextValue();
        }
        Double share = share(Arrays.copyOf(sentences, c));
        if (share != null) {
          out[doc] = (byte) FacetDimension.TEMPLATE_BANDS.indexOf(FacetDimension.templateBand(share));
        }
      }
    }
    bands.putIfAbsent(leaf.ord, out);
    return out;
  }

  /** One segment's bands as sorted-set doc values: one ordinal per band, in band order. */
  private static final class BandValues extends SortedSetDocValues {
    private static final List<BytesRef> LABELS = FacetDimension.TEMPLATE_BANDS.stream()
        .map(b -> new BytesRef(FacetsConfig.pathToString(FacetDimension.TEMPLATE_BAND.dim(), new String[] {b}))).toList();

    private final byte[] band;
    private int doc = -1;

    BandValues(byte[] band) {
      this.band = band;
    }

    @Override
    public long nextOrd() {
      return band[doc];
    }

    @Override
    public int docValueCount() {
      return 1;
    }

    @Override
    public BytesRef lookupOrd(long ord) {
      return LABELS.get((int) ord);
    }

    @Override
    public long getValueCount() {
      return LABELS.size();
    }

    @Override
    public boolean advanceExact(int target) {
      doc = target;
      return band[target] != NONE;
    }

    @Override
    public int docID() {
      return doc;
    }

    @Override
    public int nextDoc() {
      return advance(doc + 1);
    }

    @Override
    public int advance(int target) {
      for (doc = target; doc < band.length; doc++) {
        if (band[doc] != NONE) {
          return doc;
        }
      }
      return doc = NO_MORE_DOCS;
    }

    @Override
    public long cost() {
      return band.length;
    }
  }

  /** Counts per 64-bit key in open addressing (a boxed map of a million sentences would take ten times the memory). */
  private static final class LongCounts {
    private long[] keys = new long[1 << 12];
    private int[] values = new int[1 << 12];
    private boolean hasZero;
    private int zero;
    private int size;

    void increment(long key) {
      if (key == 0) {
        hasZero = true;
        zero++;
        return;
      }
      if (size * 2 >= keys.length) {
        grow();
      }
      int i = slot(keys, key);
      if (keys[i] == 0) {
        keys[i] = key;
        size++;
      }
      values[i]++;
    }

    int get(long key) {
      if (key == 0) {
        return hasZero ? zero : 0;
      }
      int i = slot(keys, key);
      return keys[i] == key ? values[i] : 0;
    }

    private static int slot(long[] keys, long key) {
      int mask = keys.length - 1;
      int i = (int) (key ^ (key >>> 32)) & mask;
      while (keys[i] != 0 && keys[i] != key) {
        i = (i + 1) & mask;
      }
      return i;
    }

    private void grow() {
      long[] oldKeys = keys;
      int[] oldValues = values;
      keys = new long[oldKeys.length * 2];
      values = new int[oldKeys.length * 2];
      for (int j = 0; j < oldKeys.length; j++) {
        if (oldKeys[j] != 0) {
          int i = slot(keys, oldKeys[j]);
          keys[i] = oldKeys[j];
          values[i] = oldValues[j];
        }
      }
    }
  }
}
