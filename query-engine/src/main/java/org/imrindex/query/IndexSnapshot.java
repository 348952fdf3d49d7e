package org.imrindex.query;

import java.util.Map;
import java.util.TreeMap;

/**
 * The index commit a question ran on: enough to tell, later, whether the index is still the same.
 *
 * @param generation the Lucene commit generation (each {@code imr index} that changes the index commits anew)
 * @param userData the commit's user data (format, analysis chain, tool version, commit time), sorted by key
 * @param letters letter documents
 * @param decisions decision documents
 */
public record IndexSnapshot(long generation, Map<String, String> userData, long letters, long decisions) {

  public IndexSnapshot {
    userData = java.util.Collections.unmodifiableMap(new TreeMap<>(userData));
  }

  /** True when this snapshot and {@code other} are the same commit with the same counts. */
  public boolean sameAs(IndexSnapshot other) {
    return equals(other);
  }
}
