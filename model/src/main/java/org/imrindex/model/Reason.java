package org.imrindex.model;

import java.util.Objects;

/**
 * One reason of a decision and the rationale's sentence that gave it.
 *
 * @param code the reason
 * @param sentence the sentence of the decision rationale it was read from, as written (lines joined)
 */
public record Reason(ReasonCode code, String sentence) {

  public Reason {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(sentence, "sentence");
  }
}
