package org.imrindex.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.imrindex.model.Decision;
import org.imrindex.model.DeterminationLetter;
import org.imrindex.model.LetterJson;

/**
 * Turns a letter into its block of documents: one per decision, then the letter document (last,
 * as block joins need). Text fields are indexed (with offsets where they are highlighted) but not
 * stored: the record JSON, stored once in the letter document, holds all of it. Each text field but
 * the whole letter has an exact twin ({@link IndexField#exactFieldName()}) for exact-mode queries.
 */
public final class LetterDocuments {

  /** Analyzed, not stored, with positions and offsets (phrase queries, highlighting). */
  static final FieldType TEXT_WITH_OFFSETS = text(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);

  /**
   * Analyzed, not stored, with positions only: the whole letter (never highlighted: the record does
   * not hold it) and the exact twins (highlighted by re-analysing the few shown hits).
   */
  static final FieldType TEXT_WITH_POSITIONS = text(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);

  /** Analyzed (MinHash terms), not stored, documents only: a signature is matched term by term, never scored by frequency. */
  static final FieldType SIGNATURE = signature();

  private static final ObjectMapper JSON = LetterJson.mapper();

  /** The letter's JSON without its source, written directly (a tree with the source removed cost 5% of ingest). */
  private static final ObjectWriter WITHOUT_SOURCE = JSON.copy().addMixIn(DeterminationLetter.class, IgnoreSource.class).writer();

  @JsonIgnoreProperties("source")
  private abstract static class IgnoreSource {}

  private final FacetsConfig facets = IndexSchema.facetsConfig();

  private static FieldType signature() {
    FieldType t = new FieldType();
    t.setTokenized(true);
    t.setStored(false);
    t.setOmitNorms(true);
    t.setIndexOptions(IndexOptions.DOCS);
    t.freeze();
    return t;
  }

  private static FieldType text(IndexOptions options) {
    FieldType t = new FieldType();
    t.setTokenized(true);
    t.setStored(false);
    t.setIndexOptions(options);
    t.freeze();
    return t;
  }

  /** The letter's id: its case number, else the SHA-256 of its record without the source. */
  public static String letterId(DeterminationLetter l) {
    if (l.caseNumber() != null) {
      return l.caseNumber();
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(withoutSource(l)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The letter's record as JSON, without its source: what its id is the hash of. */
  static byte[] withoutSource(DeterminationLetter l) {
    try {
      return WITHOUT_SOURCE.writeValueAsBytes(l);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The block for one letter: decision documents, then the letter document. */
  public List<Document> block(DeterminationLetter l, String text, String letterId, Collection<FileState> files) throws IOException {
    List<Document> out = new ArrayList<>();
    for (int i = 0; i < l.decisions().size(); i++) {
      out.add(facets.build(decision(l, l.decisions().get(i), i, letterId)));
    }
    out.add(facets.build(letter(l, text, letterId, files)));
    return out;
  }

  private static Document decision(DeterminationLetter l, Decision d, int no, String letterId) {
    Document doc = new Document();
    doc.add(new StringField(IndexField.TYPE.fieldName(), IndexField.DECISION, Field.Store.NO));
    doc.add(new StringField(IndexField.LETTER_ID.fieldName(), letterId, Field.Store.NO));
    doc.add(new SortedDocValuesField(IndexField.LETTER_ID.fieldName(), new BytesRef(letterId)));
    doc.add(new StoredField(IndexField.DECISION_NO.fieldName(), no));
    doc.add(new NumericDocValuesField(IndexField.DECISION_NO.fieldName(), no));
    text(doc, IndexField.ITEM, d.item());
    text(doc, IndexField.RATIONALE, d.rationale());
    text(doc, IndexField.GUIDELINE, guidelineText(d));
    if (d.rationale() != null && !d.rationale().isBlank()) {
      doc.add(new Field(IndexField.RATIONALE_SIGNATURE.fieldName(), d.rationale(), SIGNATURE));
      for (long h : RationaleSentences.hashes(d.rationale())) {
        doc.add(new SortedNumericDocValuesField(IndexField.RATIONALE_SENTENCES.fieldName(), h));
      }
    }
    numbers(doc, l);
    for (FacetDimension dim : FacetDimension.values()) {
      for (String v : dim.values(l, d)) {
        doc.add(new SortedSetDocValuesFacetField(dim.dim(), v));
      }
    }
    return doc;
  }

  private static Document letter(DeterminationLetter l, String text, String letterId, Collection<FileState> files)
      throws IOException {
    Document doc = new Document();
    doc.add(new StringField(IndexField.TYPE.fieldName(), IndexField.LETTER, Field.Store.NO));
    doc.add(new StringField(IndexField.LETTER_ID.fieldName(), letterId, Field.Store.YES));
    doc.add(new SortedDocValuesField(IndexField.LETTER_ID.fieldName(), new BytesRef(letterId)));
    doc.add(new StoredField(IndexField.RECORD.fieldName(), new BytesRef(JSON.writeValueAsBytes(l))));
    doc.add(new StringField(IndexField.LETTER_DOC.fieldName(), letterId, Field.Store.NO));
    doc.add(new BinaryDocValuesField(IndexField.FILES.fieldName(), filesValue(files)));
    text(doc, IndexField.TEXT, text);
    text(doc, IndexField.SUMMARY, l.summary());
    numbers(doc, l);
    for (FacetDimension dim : FacetDimension.values()) {
      if (dim.letterLevel()) {
        for (String v : dim.values(l, null)) {
          doc.add(new SortedSetDocValuesFacetField(dim.dim(), v));
        }
      }
    }
    return doc;
  }

  /** Reads a letter document's stored record. */
  public static DeterminationLetter record(BytesRef stored) throws IOException {
    return JSON.readValue(stored.bytes, stored.offset, stored.length, DeterminationLetter.class);
  }

  /** The doc-values form of a letter's file states (updated in place when a file moves). */
  public static BytesRef filesValue(Collection<FileState> files) throws IOException {
    return new BytesRef(JSON.writeValueAsBytes(List.copyOf(files)));
  }

  /** Reads a letter document's file states. */
  public static List<FileState> files(BytesRef value) throws IOException {
    return JSON.readValue(value.bytes, value.offset, value.length, new TypeReference<List<FileState>>() {});
  }

  private static void numbers(Document doc, DeterminationLetter l) {
    if (l.patient().age() != null) {
      doc.add(new IntPoint(IndexField.AGE.fieldName(), l.patient().age()));
    }
    if (l.patient().dateOfInjury() != null) {
      doc.add(new IntPoint(IndexField.INJURY_YEAR.fieldName(), l.patient().dateOfInjury().getYear()));
    }
    Integer year = FacetDimension.decisionYear(l);
    if (year != null) {
      doc.add(new IntPoint(IndexField.DECISION_YEAR.fieldName(), year));
    }
    java.time.LocalDate date = FacetDimension.decisionDate(l);
    if (date != null) {
      doc.add(new NumericDocValuesField(IndexField.DECISION_DATE.fieldName(), date.toEpochDay()));
      // long points, as the sort by this field expects of points under its name
      doc.add(new LongPoint(IndexField.DECISION_DATE.fieldName(), date.toEpochDay()));
    }
  }

  /** A text field and its exact twin: the same text analyzed twice (see IndexSchema). */
  private static void text(Document doc, IndexField field, String value) {
    if (value != null && !value.isEmpty()) {
      doc.add(new Field(field.fieldName(), value, field == IndexField.TEXT ? TEXT_WITH_POSITIONS : TEXT_WITH_OFFSETS));
      if (field.hasExactTwin()) {
        doc.add(new Field(field.exactFieldName(), value, TEXT_WITH_POSITIONS));
      }
    }
  }

  /** The text indexed as a decision's {@code guideline} field: both citations. */
  public static String guidelineText(Decision d) {
    return guidelineText(d.claimsAdministratorGuideline(), d.reviewerGuideline());
  }

  /** The text indexed as a decision's {@code guideline} field, from its two citations (either may be null). */
  public static String guidelineText(String claimsAdministratorGuideline, String reviewerGuideline) {
    return join(claimsAdministratorGuideline, reviewerGuideline);
  }

  private static String join(String a, String b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : a + "\n" + b;
  }
}
