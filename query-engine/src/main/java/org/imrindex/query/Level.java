package org.imrindex.query;

/** What a count counts: decisions (the unit of analysis) or distinct letters. */
public enum Level {
  DECISION,
  LETTER;

  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
