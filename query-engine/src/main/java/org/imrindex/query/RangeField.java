package org.imrindex.query;

import java.util.Locale;
import org.imrindex.schema.IndexField;

/** The numbers a filter can take a range of ({@code --filter injury_year=2010..2014}). */
public enum RangeField {
  INJURY_YEAR(IndexField.INJURY_YEAR),
  DECISION_YEAR(IndexField.DECISION_YEAR),
  AGE(IndexField.AGE);

  private final IndexField field;

  RangeField(IndexField field) {
    this.field = field;
  }

  public IndexField field() {
    return field;
  }

  /** The name used on the command line, e.g. {@code injury_year}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
