package org.imrindex.cli;

/** How index and stats print their results. */
public enum SummaryFormat {
  /** Aligned lines for a person. */
  TEXT,
  /** One JSON object. */
  JSON
}
