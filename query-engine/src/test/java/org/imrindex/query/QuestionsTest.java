package org.imrindex.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imrindex.model.LetterJson;
import org.imrindex.schema.FacetDimension;
import org.imrindex.schema.IndexField;
import org.junit.jupiter.api.Test;

/** The question of a saved analysis: each request as JSON and back, unchanged, and what a bad question says. */
class QuestionsTest {

  /** drug=Norco, drug_class=opioid OR nsaid, decision_year from 2015, decision_date July to September 2016. */
  private static Filters filters() {
    Map<String, List<String>> values = new LinkedHashMap<>();
    values.put("drug", List.of("Norco"));
    values.put("drug_class", List.of("opioid", "nsaid"));
    Map<RangeField, List<Filters.Range>> ranges = new LinkedHashMap<>();
    ranges.put(RangeField.of("decision_year"), List.of(Filters.Range.atLeast(2015)));
    ranges.put(RangeField.of("decision_date"), List.of(new Filters.Range((int) LocalDate.of(2016, 7, 1).toEpochDay(),
        (int) LocalDate.of(2016, 9, 30).toEpochDay())));
    return new Filters(values, ranges);
  }

  @Test
  void aReportRequestComesBackAsItWas() throws Exception {
    ReportRequest r = new ReportRequest(List.of(FacetDimension.DRUG_CLASS, FacetDimension.DECISION_YEAR), "\"functional improvement\"", true,
        filters(), Level.LETTER, 5, ReportSort.RATE);
    JsonNode q = Questions.report(r);
    assertEquals(LetterJson.mapper().readTree("{\"command\":\"report\",\"by\":[\"drug_class\",\"decision_year\"],"
        + "\"query\":\"\\\"functional improvement\\\"\",\"exact\":true,\"filters\":{\"drug\":[\"Norco\"],\"drug_class\":[\"opioid\",\"nsaid\"],"
        + "\"decision_year\":[\"2015..\"],\"decision_date\":[\"2016-07-01..2016-09-30\"]},\"level\":\"letter\",\"min_n\":5,\"sort\":\"rate\"}"), q);
    assertEquals(r, Questions.reportRequest(LetterJson.mapper().readTree(LetterJson.mapper().writeValueAsString(q))));
  }

  @Test
  void aSearchRequestComesBackAsItWas() throws Exception {
    SearchRequest r = new SearchRequest(null, false, filters(), List.of(FacetDimension.OUTCOME), Level.DECISION, 20, 10, SearchSort.OLDEST);
    assertEquals(r, Questions.searchRequest(LetterJson.mapper().readTree(LetterJson.mapper().writeValueAsString(Questions.search(r)))));
  }

  @Test
  void aTermsRequestComesBackAsItWas() throws Exception {
    TermsRequest r = new TermsRequest(IndexField.SUMMARY, null, false, true, Filters.none(), 7);
    assertEquals(r, Questions.termsRequest(LetterJson.mapper().readTree(LetterJson.mapper().writeValueAsString(Questions.terms(r)))));
  }

  @Test
  void aBadQuestionSaysWhatIsWrong() throws Exception {
    JsonNode noBy = LetterJson.mapper().readTree("{\"command\":\"report\",\"level\":\"decision\",\"sort\":\"n\"}");
    assertEquals("the question has no list 'by'", assertThrows(QuerySyntaxException.class, () -> Questions.reportRequest(noBy)).getMessage());
    JsonNode badDim = LetterJson.mapper().readTree("{\"command\":\"report\",\"by\":[\"colour\"],\"level\":\"decision\",\"sort\":\"n\"}");
    assertEquals("the question groups by an unknown dimension 'colour'",
        assertThrows(QuerySyntaxException.class, () -> Questions.reportRequest(badDim)).getMessage());
    JsonNode badField = LetterJson.mapper().readTree("{\"command\":\"terms\",\"field\":\"letter_id\"}");
    assertEquals("the question's field 'letter_id' is not one imr terms compares",
        assertThrows(QuerySyntaxException.class, () -> Questions.termsRequest(badField)).getMessage());
  }
}
