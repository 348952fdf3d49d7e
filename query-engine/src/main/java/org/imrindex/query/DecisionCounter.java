package org.imrindex.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.index.LeafReader;
import org.imrindex.schema.FacetDimension;
import org.imrindex.schema.IndexSchema;

/**
 * Counts decisions and upheld decisions per value of one dimension, or per combination of values of two or three,
 * straight from the dimensions' own doc-values fields (the outcome's and the grouping ones): each
 * segment's ordinals are mapped once to a value slot, and the documents are then counted into
 * arrays, with no string or map work per document. A decision counts once under each of its values
 * (multi-valued dimensions), and a decision without a value of a dimension counts under a null
 * value (the "(none)" group), so the groups of a single-valued dimension add up to the total.
 */
final class DecisionCounter {

  private static final int MAX_DIMENSIONS = ReportRequest.MAX_BY;

  /** Above this many value combinations in a segment, they are counted in a map instead of a dense array. */
  private static final long DENSE_LIMIT = 1 << 22;

  private final List<FacetDimension> by;
  private final Map<List<String>, long[]> counts = new HashMap<>();
  private long total;
  private long upheld;

  private final QueryIndex index;

  DecisionCounter(QueryIndex index, List<FacetDimension> by) {
    this.index = index;
    if (by.isEmpty() || by.size() > MAX_DIMENSIONS) {
      throw new IllegalArgumentException("one to " + MAX_DIMENSIONS + " dimensions, got " + by.size());
    }
    this.by = List.copyOf(by);
  }

  /** Counts the matching decisions of one segment. */
  void segment(FacetsCollector.MatchingDocs md) throws IOException {
    LeafReader reader = md.context().reader();
    SortedSetDocValues outcomes = reader.getSortedSetDocValues(IndexSchema.facetField(FacetDimension.OUTCOME));
    if (outcomes == null) {
      return;
    }
    boolean[] upheldOrd = new boolean[Math.toIntExact(outcomes.getValueCount())];
    TermsEnum te = outcomes.termsEnum();
    int o = 0;
    for (BytesRef term = te.next(); term != null; term = te.next(), o++) {
      upheldOrd[o] = FacetsConfig.stringToPath(term.utf8ToString())[1].equals("upheld");
    }
    // each grouping dimension: its own doc values, each ordinal's slot among this segment's values
    int g = by.size();
    SortedSetDocValues[] fields = new SortedSetDocValues[g];
    int[][] slots = new int[g][];
    List<List<String>> names = new ArrayList<>();
    for (int d = 0; d < g; d++) {
      names.add(new ArrayList<>());
      fields[d] = index.facetValues(md.context(), by.get(d));
      if (fields[d] != null) {
        slots[d] = new int[Math.toIntExact(fields[d].getValueCount())];
        TermsEnum t = fields[d].termsEnum();
        int ord = 0;
        for (BytesRef term = t.next(); term != null; term = t.next(), ord++) {
          slots[d][ord] = names.get(d).size();
          names.get(d).add(FacetsConfig.stringToPath(term.utf8ToString())[1]);
        }
      }
      names.get(d).add(null); // the last slot: decisions with no value of this dimension
    }
    // a cell per combination of slots (mixed radix); dimensions not asked for have one slot
    int[] size = {1, 1, 1};
    for (int d = 0; d < g; d++) {
      size[d] = names.get(d).size();
    }
    long cellCount = (long) size[0] * size[1] * size[2];
    boolean dense = cellCount <= DENSE_LIMIT;
    long[] n = dense ? new long[(int) cellCount] : null;
    long[] up = dense ? new long[(int) cellCount] : null;
    Map<Long, long[]> sparse = dense ? null : new HashMap<>();
    int[][] values = {new int[8], new int[8], new int[8]};
    int[] counts = new int[MAX_DIMENSIONS];
    DocIdSetIterator it = md.bits().iterator();
    for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
      if (!outcomes.advanceExact(doc)) {
        continue;
      }
      int u = upheldOrd[(int) outcomes.nextOrd()] ? 1 : 0;
      total++;
      upheld += u;
      for (int d = 0; d < MAX_DIMENSIONS; d++) {
        counts[d] = 0;
        if (d >= g) {
          values[d][counts[d]++] = 0;
          continue;
        }
        if (fields[d] != null && fields[d].advanceExact(doc)) {
          for (int i = 0, c = fields[d].docValueCount(); i < c; i++) {
            values[d] = add(values[d], counts[d]++, slots[d][(int) fields[d].nextOrd()]);
          }
        }
        if (counts[d] == 0) {
          values[d][counts[d]++] = names.get(d).size() - 1; // the "(none)" slot
        }
      }
      for (int a = 0; a < counts[0]; a++) {
        for (int b = 0; b < counts[1]; b++) {
          for (int c = 0; c < counts[2]; c++) {
            long cell = ((long) values[0][a] * size[1] + values[1][b]) * size[2] + values[2][c];
            if (dense) {
              n[(int) cell]++;
              up[(int) cell] += u;
            } else {
              long[] sc = sparse.computeIfAbsent(cell, x -> new long[2]);
              sc[0]++;
              sc[1] += u;
            }
          }
        }
      }
    }
    for (int cell = 0; dense && cell < cellCount; cell++) {
      if (n[cell] > 0) {
        merge(names, cell, size, n[cell], up[cell]);
      }
    }
    if (!dense) {
      sparse.forEach((cell, c) -> merge(names, cell, size, c[0], c[1]));
    }
  }

  private static int[] add(int[] values, int at, int value) {
    int[] out = at < values.length ? values : java.util.Arrays.copyOf(values, values.length * 2);
    out[at] = value;
    return out;
  }

  private void merge(List<List<String>> names, long cell, int[] size, long n, long up) {
    int[] slot = {(int) (cell / ((long) size[1] * size[2])), (int) (cell / size[2] % size[1]), (int) (cell % size[2])};
    // a null value is the "(none)" group: Arrays.asList, as List.of refuses nulls
    String[] key = new String[by.size()];
    for (int d = 0; d < key.length; d++) {
      key[d] = names.get(d).get(slot[d]);
    }
    long[] c = counts.computeIfAbsent(java.util.Arrays.asList(key), k -> new long[2]);
    c[0] += n;
    c[1] += up;
  }

  /** Decisions and upheld decisions per value (or value pair). */
  Map<List<String>, long[]> counts() {
    return counts;
  }

  /** All matching decisions with an outcome. */
  long total() {
    return total;
  }

  /** Upheld decisions among {@link #total()}. */
  long upheld() {
    return upheld;
  }
}
