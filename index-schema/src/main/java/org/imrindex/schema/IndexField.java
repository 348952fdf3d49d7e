package org.imrindex.schema;

import org.imrindex.analysis.TextKind;

/** Every field name of the index, defined once and shared by the index and query code. */
public enum IndexField {
  /** Document kind: {@code letter} or {@code decision}. */
  TYPE("type", null),
  /** The letter's id: its case number, else the SHA-256 of its record without source. */
  LETTER_ID("letter_id", null),
  /** The letter's id on its letter document only (the key for in-place updates of {@link #FILES}). */
  LETTER_DOC("letter_doc", null),
  /** Position of a decision in its letter, from 0. */
  DECISION_NO("decision_no", null),
  /** The whole record as JSON (letter documents). */
  RECORD("record", null),
  /** The files the letter was read from, as JSON in binary doc values (letter documents). */
  FILES("files", null),
  /** Date of the IMR decision, else of the letter, as an epoch day (doc values, for sorting; points, for range filters). */
  DECISION_DATE("decision_date", null),
  /** Patient age (points, for range filters). */
  AGE("age", null),
  /** Year of injury (points, for range filters). */
  INJURY_YEAR("injury_year", null),
  /** Year of the IMR decision, else of the letter (points, for range filters). */
  DECISION_YEAR("decision_year", null),
  /** The whole cleaned letter text (letter documents). */
  TEXT("text", TextKind.PROSE),
  /** The clinical case summary (letter documents). */
  SUMMARY("summary", TextKind.PROSE),
  /** The disputed item (decision documents). */
  ITEM("item", TextKind.ITEM),
  /** The rationale (decision documents). */
  RATIONALE("rationale", TextKind.PROSE),
  /** Both guideline citations (decision documents). */
  GUIDELINE("guideline", TextKind.CITATION),
  /**
   * The rationale's MinHash signature over its word shingles (decision documents): the terms
   * {@link org.imrindex.analysis.ShingleSignature} makes, for finding near-duplicate rationales
   * ({@code imr similar}). Not searchable by users.
   */
  RATIONALE_SIGNATURE("rationale_minhash", null),
  /**
   * The hashes of the rationale's normalized sentences, one value per sentence (sorted-numeric doc
   * values, decision documents; see {@link RationaleSentences}): how many letters share each sentence
   * is counted from them at query time, for the template share.
   */
  RATIONALE_SENTENCES("rationale_sentences", null);

  /** Value of {@link #TYPE} for letter documents. */
  public static final String LETTER = "letter";
  /** Value of {@link #TYPE} for decision documents. */
  public static final String DECISION = "decision";

  private final String name;
  private final TextKind text;

  IndexField(String name, TextKind text) {
    this.name = name;
    this.text = text;
  }

  /** The Lucene field name. */
  public String fieldName() {
    return name;
  }

  /** Suffix of the exact-mode twin of a text field ({@code rationale.exact}). */
  public static final String EXACT_SUFFIX = ".exact";

  /**
   * The exact-mode twin of this text field: the same text as written (lowercase words, no
   * stemming), for queries that must match the letter literally.
   */
  public String exactFieldName() {
    if (!hasExactTwin()) {
      throw new IllegalStateException(name + " has no exact twin");
    }
    return name + EXACT_SUFFIX;
  }

  /**
   * True for the text fields with an exact twin: all but the whole letter ({@link #TEXT}), whose
   * second copy would cost a tenth of the index for text that the other fields already cover.
   */
  public boolean hasExactTwin() {
    return text != null && this != TEXT;
  }

  /** The kind of analyzed text, or null for a field that is not analyzed text. */
  public TextKind textKind() {
    return text;
  }
}
