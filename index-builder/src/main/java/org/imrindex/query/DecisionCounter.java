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
import org.imrindex.index.FacetDimension;

/**
 * Counts decisions and upheld decisions per value of one dimension, or per pair of values of two,
 * straight from the facet doc values: each segment's ordinals are mapped once to a dimension and a
 * value slot, and the documents are then counted into arrays, with no string or map work per
 * document. A decision counts once under each of its values (multi-valued dimensions).
 */
final class DecisionCounter {

  private static final String OUTCOME = FacetDimension.OUTCOME.dim();
  private static final int OTHER = -1;
  private static final int UPHELD = 2;
  private static final int OVERTURNED = 3;
  /** Above this many value pairs in a segment, pairs are counted in a map instead of a dense array. */
  private static final long DENSE_LIMIT = 1 << 22;

  private final List<String> dims;
  private final Map<List<String>, long[]> counts = new HashMap<>();
  private long total;
  private long upheld;

  DecisionCounter(List<FacetDimension> by) {
    if (by.isEmpty() || by.size() > 2) {
      throw new IllegalArgumentException("one or two dimensions");
    }
    this.dims = by.stream().map(FacetDimension::dim).toList();
  }

  /** Counts the matching decisions of one segment. */
  void segment(FacetsCollector.MatchingDocs md) throws IOException {
    SortedSetDocValues facets = md.context().reader().getSortedSetDocValues(FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
    if (facets == null) {
      return;
    }
    int ords = Math.toIntExact(facets.getValueCount());
    int[] kind = new int[ords];   // 0 or 1: a value of dims[0] or dims[1]; UPHELD, OVERTURNED; OTHER
    int[] slot = new int[ords];   // the value's slot within its dimension, this segment
    List<List<String>> names = List.of(new ArrayList<>(), new ArrayList<>());
    TermsEnum terms = facets.termsEnum();
    int ord = 0;
    for (BytesRef term = terms.next(); term != null; term = terms.next(), ord++) {
      String[] path = FacetsConfig.stringToPath(term.utf8ToString());
      kind[ord] = OTHER;
      if (path[0].equals(OUTCOME)) {
        kind[ord] = path[1].equals("upheld") ? UPHELD : OVERTURNED;
      }
      int d = dims.indexOf(path[0]);
      if (d >= 0) {
        int at = names.get(d).size();
        names.get(d).add(path[1]);
        if (kind[ord] == OTHER) {
          kind[ord] = d;
          slot[ord] = at;
        } else {
          // outcome as a grouping dimension: it keeps its outcome role, and the high bits say which dimension it groups
          slot[ord] = at | ((d + 1) << 24);
        }
      }
    }
    int n0 = names.get(0).size();
    int n1 = dims.size() == 2 ? names.get(1).size() : 1;
    boolean dense = (long) n0 * n1 <= DENSE_LIMIT;
    long[] n = dense ? new long[n0 * n1] : null;
    long[] up = dense ? new long[n0 * n1] : null;
    Map<Long, long[]> sparse = dense ? null : new HashMap<>();
    int[] v0 = new int[8];
    int[] v1 = new int[8];
    DocIdSetIterator it = md.bits().iterator();
    for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
      if (!facets.advanceExact(doc)) {
        continue;
      }
      int c0 = 0;
      int c1 = 0;
      int outcome = OTHER;
      for (int i = 0, count = facets.docValueCount(); i < count; i++) {
        int o = (int) facets.nextOrd();
        int k = kind[o];
        if (k == UPHELD || k == OVERTURNED) {
          outcome = k;
          int grouping = slot[o] >>> 24;
          if (grouping == 1) {
            v0 = add(v0, c0++, slot[o] & 0xFFFFFF);
          } else if (grouping == 2) {
            v1 = add(v1, c1++, slot[o] & 0xFFFFFF);
          }
        } else if (k == 0) {
          v0 = add(v0, c0++, slot[o]);
        } else if (k == 1) {
          v1 = add(v1, c1++, slot[o]);
        }
      }
      if (outcome == OTHER) {
        continue;
      }
      int u = outcome == UPHELD ? 1 : 0;
      total++;
      upheld += u;
      if (dims.size() == 1) {
        c1 = 1;
        v1[0] = 0;
      }
      for (int a = 0; a < c0; a++) {
        for (int b = 0; b < c1; b++) {
          int cell = v0[a] * n1 + v1[b];
          if (dense) {
            n[cell]++;
            up[cell] += u;
          } else {
            long[] c = sparse.computeIfAbsent((long) cell, x -> new long[2]);
            c[0]++;
            c[1] += u;
          }
        }
      }
    }
    for (int cell = 0; cell < n0 * n1 && dense; cell++) {
      if (n[cell] > 0) {
        merge(names, cell, n1, n[cell], up[cell]);
      }
    }
    if (!dense) {
      sparse.forEach((cell, c) -> merge(names, (int) (long) cell, n1, c[0], c[1]));
    }
  }

  private static int[] add(int[] values, int at, int value) {
    int[] out = at < values.length ? values : java.util.Arrays.copyOf(values, values.length * 2);
    out[at] = value;
    return out;
  }

  private void merge(List<List<String>> names, int cell, int n1, long n, long up) {
    List<String> key = dims.size() == 1 ? List.of(names.get(0).get(cell))
        : List.of(names.get(0).get(cell / n1), names.get(1).get(cell % n1));
    long[] c = counts.computeIfAbsent(key, k -> new long[2]);
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
