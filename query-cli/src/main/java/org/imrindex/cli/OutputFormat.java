package org.imrindex.cli;

/** How extract prints records. */
public enum OutputFormat {
  /** One JSON array of records. */
  JSON,
  /** One JSON record per line. */
  JSONL,
  /** A readable summary for a person. */
  TEXT
}
