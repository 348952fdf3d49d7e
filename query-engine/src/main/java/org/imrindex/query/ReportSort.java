package org.imrindex.query;

/** Row order of a report. */
public enum ReportSort {
  /** Largest groups first. */
  N,
  /** Highest uphold rate first. */
  RATE,
  /** By value (numbers numerically). */
  NAME
}
