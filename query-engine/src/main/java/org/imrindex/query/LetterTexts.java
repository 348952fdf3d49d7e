package org.imrindex.query;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.util.BytesRef;
import org.imrindex.model.Layout;
import org.imrindex.model.LetterJson;
import org.imrindex.model.Outcome;
import org.imrindex.schema.IndexField;
import org.imrindex.schema.LetterDocuments;

/**
 * What counting one field's words needs from a letter's stored record ({@link LetterDocuments#record}):
 * its layout, and each decision's outcome and text of that field, as {@link LetterDocuments} indexes
 * it. Read as a stream of JSON tokens with everything else skipped and only that field's strings
 * decoded: binding the whole letter was most of the time of {@code imr terms} over 100,000 letters.
 * The names read are those of {@link org.imrindex.model.DeterminationLetter} and
 * {@link org.imrindex.model.Decision} in the records' JSON ({@link LetterJson}).
 *
 * @param layout the letter's layout, or null
 * @param decisions the letter's decisions, in order
 */
record LetterTexts(Layout layout, List<DecisionText> decisions) {

  private static final JsonFactory JSON = LetterJson.mapper().getFactory();
  // the vocabulary is written by its toString (LetterJson)
  private static final Map<String, Layout> LAYOUTS = byName(Layout.values());
  private static final Map<String, Outcome> OUTCOMES = byName(Outcome.values());

  LetterTexts {
    decisions = List.copyOf(decisions);
  }

  /**
   * One decision's outcome and text.
   *
   * @param outcome overturned or upheld, or null when the letter does not say
   * @param text the decision's text of the field read (the letter's summary for {@code summary}), or null
   */
  record DecisionText(Outcome outcome, String text) {}

  /** A reader of these parts from a stored record, decoding the text of {@code field} only. */
  static Exporter.RecordReader<LetterTexts> reader(IndexField field) {
    return stored -> read(stored, field);
  }

  /** These parts of a stored record, with the text of {@code field}. */
  static LetterTexts read(BytesRef stored, IndexField field) throws IOException {
    try (JsonParser p = JSON.createParser(stored.bytes, stored.offset, stored.length)) {
      expect(p, p.nextToken(), JsonToken.START_OBJECT);
      Layout layout = null;
      String summary = null;
      List<Outcome> outcomes = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String name = p.currentName();
        p.nextToken();
        switch (name) {
          case "layout" -> layout = value(p, LAYOUTS);
          case "summary" -> summary = field == IndexField.SUMMARY ? string(p) : skip(p);
          case "decisions" -> decisions(p, field, outcomes, texts);
          default -> p.skipChildren();
        }
      }
      expect(p, p.currentToken(), JsonToken.END_OBJECT);
      List<DecisionText> out = new ArrayList<>(outcomes.size());
      for (int i = 0; i < outcomes.size(); i++) {
        out.add(new DecisionText(outcomes.get(i), field == IndexField.SUMMARY ? summary : texts.get(i)));
      }
      return new LetterTexts(layout, out);
    }
  }

  private static void decisions(JsonParser p, IndexField field, List<Outcome> outcomes, List<String> texts) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return;
    }
    expect(p, p.currentToken(), JsonToken.START_ARRAY);
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      expect(p, t, JsonToken.START_OBJECT);
      Outcome outcome = null;
      String item = null;
      String claimsAdministratorGuideline = null;
      String reviewerGuideline = null;
      String rationale = null;
      for (JsonToken f = p.nextToken(); f == JsonToken.FIELD_NAME; f = p.nextToken()) {
        String name = p.currentName();
        p.nextToken();
        switch (name) {
          case "outcome" -> outcome = value(p, OUTCOMES);
          case "item" -> item = field == IndexField.ITEM ? string(p) : skip(p);
          case "claimsAdministratorGuideline" -> claimsAdministratorGuideline = field == IndexField.GUIDELINE ? string(p) : skip(p);
          case "reviewerGuideline" -> reviewerGuideline = field == IndexField.GUIDELINE ? string(p) : skip(p);
          case "rationale" -> rationale = string(p);
          default -> p.skipChildren();
        }
      }
      outcomes.add(outcome);
      texts.add(switch (field) {
        case SUMMARY -> null;
        case ITEM -> item;
        case GUIDELINE -> LetterDocuments.guidelineText(claimsAdministratorGuideline, reviewerGuideline);
        default -> rationale;
      });
    }
  }

  /** Passes over a value not needed (a string is not decoded); returns null. */
  private static String skip(JsonParser p) throws IOException {
    p.skipChildren();
    return null;
  }

  private static String string(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(p, p.currentToken(), JsonToken.VALUE_STRING);
    return p.getText();
  }

  private static <E> E value(JsonParser p, Map<String, E> byName) throws IOException {
    String name = string(p);
    if (name == null) {
      return null;
    }
    E e = byName.get(name);
    if (e == null) {
      throw new IOException("a stored record has an unknown value '" + name + "' at " + p.currentLocation());
    }
    return e;
  }

  private static void expect(JsonParser p, JsonToken got, JsonToken expected) throws IOException {
    if (got != expected) {
      throw new IOException("a stored record is not a letter: expected " + expected + ", got " + got + " at " + p.currentLocation());
    }
  }

  private static <E extends Enum<E>> Map<String, E> byName(E[] values) {
    return Arrays.stream(values).collect(Collectors.toUnmodifiableMap(E::toString, Function.identity()));
  }
}
