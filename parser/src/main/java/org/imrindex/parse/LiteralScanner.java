package org.imrindex.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds which of a fixed set of strings occur in a text in one pass over its characters (an
 * Aho–Corasick automaton, its transitions completed into a table), so the {@link LiteralQuery} of
 * every rule can be tested on a sentence without a {@link String#contains} per string and rule.
 */
final class LiteralScanner {

  /** A {@link LiteralQuery} bound to this scanner's string numbers. */
  interface Condition {
    /** Whether a text with these hits (from {@link #scan}) meets the condition. */
    boolean test(long[] hits);
  }

  private final Map<String, Integer> ids = new LinkedHashMap<>();
  private final int[] asciiClass = new int[128];
  private final Map<Character, Integer> otherClass = new HashMap<>();
  private final int classes;
  private final int[] next; // state * classes + class -> state
  private final int[][] found; // state -> ids of the strings ending there, or null

  /** A scanner for these strings (none empty; repeats are one). */
  LiteralScanner(Collection<String> strings) {
    for (String s : strings) {
      if (s.isEmpty()) {
        throw new IllegalArgumentException("an empty string");
      }
      ids.putIfAbsent(s, ids.size());
    }
    int cls = 1; // 0: a character no string has
    for (String s : ids.keySet()) {
      for (char c : s.toCharArray()) {
        if (c < 128) {
          if (asciiClass[c] == 0) {
            asciiClass[c] = cls++;
          }
        } else if (!otherClass.containsKey(c)) {
          otherClass.put(c, cls++);
        }
      }
    }
    classes = cls;
    List<int[]> trie = new ArrayList<>();
    List<List<Integer>> ends = new ArrayList<>();
    trie.add(newRow());
    ends.add(new ArrayList<>());
    for (Map.Entry<String, Integer> e : ids.entrySet()) {
      int state = 0;
      for (char c : e.getKey().toCharArray()) {
        int k = classOf(c);
        if (trie.get(state)[k] < 0) {
          trie.get(state)[k] = trie.size();
          trie.add(newRow());
          ends.add(new ArrayList<>());
        }
        state = trie.get(state)[k];
      }
      ends.get(state).add(e.getValue());
    }
    int states = trie.size();
    int[] fail = new int[states];
    next = new int[states * classes];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int k = 0; k < classes; k++) {
      int child = trie.get(0)[k];
      next[k] = Math.max(child, 0);
      if (child > 0) {
        fail[child] = 0;
        queue.add(child);
      }
    }
    while (!queue.isEmpty()) {
      int state = queue.poll();
      ends.get(state).addAll(ends.get(fail[state]));
      for (int k = 0; k < classes; k++) {
        int child = trie.get(state)[k];
        if (child < 0) {
          next[state * classes + k] = next[fail[state] * classes + k];
        } else {
          next[state * classes + k] = child;
          fail[child] = next[fail[state] * classes + k];
          queue.add(child);
        }
      }
    }
    found = new int[states][];
    for (int s = 0; s < states; s++) {
      List<Integer> e = ends.get(s);
      found[s] = e.isEmpty() ? null : e.stream().distinct().mapToInt(Integer::intValue).toArray();
    }
  }

  private int[] newRow() {
    int[] row = new int[classes];
    Arrays.fill(row, -1);
    return row;
  }

  private int classOf(char c) {
    if (c < 128) {
      return asciiClass[c];
    }
    Integer k = otherClass.get(c);
    return k == null ? 0 : k;
  }

  /** How many distinct strings the scanner looks for. */
  int size() {
    return ids.size();
  }

  /** The strings of {@code text} this scanner looks for, as a bit set of their numbers. */
  long[] scan(CharSequence text) {
    long[] hits = new long[(ids.size() + 63) >>> 6];
    int state = 0;
    for (int i = 0, n = text.length(); i < n; i++) {
      state = next[state * classes + classOf(text.charAt(i))];
      int[] f = found[state];
      if (f != null) {
        for (int id : f) {
          hits[id >>> 6] |= 1L << id;
        }
      }
    }
    return hits;
  }

  /** {@code query} tested on hits of this scanner (each of its strings must be one the scanner looks for). */
  Condition bind(LiteralQuery query) {
    return switch (query) {
      case LiteralQuery.AnyOf a -> {
        long[] mask = new long[(ids.size() + 63) >>> 6];
        for (String s : a.strings()) {
          Integer id = ids.get(s);
          if (id == null) {
            throw new IllegalArgumentException("not scanned for: " + s);
          }
          mask[id >>> 6] |= 1L << id;
        }
        // only the words of the bit set that hold one of the strings (most hold none)
        int[] words = java.util.stream.IntStream.range(0, mask.length).filter(w -> mask[w] != 0).toArray();
        long[] bits = java.util.Arrays.stream(words).mapToLong(w -> mask[w]).toArray();
        yield hits -> {
          for (int i = 0; i < words.length; i++) {
            if ((hits[words[i]] & bits[i]) != 0) {
              return true;
            }
          }
          return false;
        };
      }
      case LiteralQuery.AllOf a -> {
        Condition[] parts = a.parts().stream().map(this::bind).toArray(Condition[]::new);
        yield hits -> {
          for (Condition c : parts) {
            if (!c.test(hits)) {
              return false;
            }
          }
          return true;
        };
      }
      case LiteralQuery.Either e -> {
        Condition[] parts = e.parts().stream().map(this::bind).toArray(Condition[]::new);
        yield hits -> {
          for (Condition c : parts) {
            if (c.test(hits)) {
              return true;
            }
          }
          return false;
        };
      }
    };
  }
}
