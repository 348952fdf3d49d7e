package org.imrindex.index;

import java.util.List;

/**
 * What a run of {@code imr index} did.
 *
 * @param files files considered
 * @param indexed files whose letter was written
 * @param letters distinct letters written
 * @param decisions decisions in those letters
 * @param lettersWithParseWarnings letters written whose record has warnings (a decision not read whole)
 * @param duplicates files whose letter had already been read from another file (replaced, never copied)
 * @param unchanged files skipped because the index already has them as they are
 * @param rejected files that yielded no letter, with reasons
 * @param seconds wall time
 */
public record IngestSummary(int files, int indexed, int letters, int decisions, int lettersWithParseWarnings, int duplicates,
    int unchanged, List<Rejection> rejected, double seconds) {

  public IngestSummary {
    rejected = List.copyOf(rejected);
  }
}
