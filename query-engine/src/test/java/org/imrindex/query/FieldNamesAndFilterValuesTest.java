package org.imrindex.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fields and filter values as people type them: a field name in any case, a mistyped field or a
 * dimension used as a field refused with what was meant, filter values in any case, a drug by its
 * brand, and the values an error lists in order.
 */
class FieldNamesAndFilterValuesTest {

  @TempDir
  static Path tmp;

  private static QueryIndex qi;

  private static final String FIELDS = "item:, rationale:, guideline:, summary: or text:";

  @BeforeAll
  static void indexTheBundledLetters() throws IOException {
    qi = BundledIndex.open(tmp.resolve("index"));
  }

  @AfterAll
  static void close() throws IOException {
    qi.close();
  }

  private static String refused(String query) {
    return assertThrows(QuerySyntaxException.class, () -> new QueryBuilder(qi).parse(query, false), query).getMessage();
  }

  private static Filters filter(String dim, String... values) {
    return new Filters(Map.of(dim, List.of(values)), Map.of());
  }

  private static long decisions(Filters f) throws Exception {
    return new Searcher(qi).search(new SearchRequest(null, false, f, List.of(), Level.DECISION, 0, 0, SearchSort.RELEVANCE)).total();
  }

  @Test
  void aFieldNameMatchesWhateverItsCase() throws Exception {
    QueryBuilder b = new QueryBuilder(qi);
    assertEquals(b.parse("rationale:opioid", false), b.parse("Rationale:opioid", false));
    assertEquals(b.parse("item:\"physical therapy\"", false), b.parse("ITEM:\"physical therapy\"", false));
    assertEquals(b.parse("text:UDS", false), b.parse("Text:UDS", false));
    assertEquals(b.parse("item:opi*", false), b.parse("Item:opi*", false));
    // exact mode still redirects to the exact twin, and the whole letter still has none
    assertEquals(b.parse("rationale:opioid", true), b.parse("RATIONALE:opioid", true));
    assertTrue(b.parse("Rationale:opioid", true).toString().contains("rationale.exact:opioid"), b.parse("Rationale:opioid", true).toString());
    assertTrue(assertThrows(QuerySyntaxException.class, () -> b.parse("TEXT:opioid", true)).getMessage()
        .contains("the whole-letter field text: has no exact form"));
  }

  @Test
  void aMistypedFieldNamesTheNearestOne() {
    assertEquals("unknown field 'rationle:'; did you mean rationale:? Search " + FIELDS + " (a dimension is filtered with --filter DIM=VALUE)",
        refused("rationle:opioid"));
    assertEquals("unknown field 'Sumary:'; did you mean summary:? Search " + FIELDS + " (a dimension is filtered with --filter DIM=VALUE)",
        refused("Sumary:\"lumbar fusion\""));
    assertEquals("unknown field 'drugclass:'; did you mean --filter drug_class=opioid? Search " + FIELDS
        + " (a dimension is filtered with --filter DIM=VALUE)", refused("drugclass:opioid"));
    // nothing near: the fields alone
    assertEquals("unknown field 'zzzz:'; search " + FIELDS + " (a dimension is filtered with --filter DIM=VALUE)", refused("zzzz:opioid"));
  }

  @Test
  void aDimensionUsedAsAFieldSaysToFilterIt() {
    assertEquals("unknown field 'drug_class:'; drug_class is a filter, not a text field: use --filter drug_class=opioid (text fields are "
        + FIELDS + ")", refused("drug_class:opioid"));
    assertEquals("unknown field 'case_number:'; case_number is a filter, not a text field: use --filter case_number=CM15-0000077"
        + " (text fields are " + FIELDS + ")", refused("case_number:CM15-0000077"));
    assertEquals("unknown field 'Outcome:'; outcome is a filter, not a text field: use --filter outcome=upheld (text fields are "
        + FIELDS + ")", refused("Outcome:upheld"));
    assertEquals("unknown field 'specialty:'; specialty is a filter, not a text field: use --filter 'specialty=Internal Medicine'"
        + " (text fields are " + FIELDS + ")", refused("specialty:\"Internal Medicine\""));
  }

  @Test
  void filterValuesMatchWhateverTheirCase() throws Exception {
    QueryBuilder b = new QueryBuilder(qi);
    assertEquals(Map.of("drug_class", List.of("opioid")), b.validate(filter("drug_class", "Opioid")).values());
    assertEquals(Map.of("licensure_state", List.of("CA")), b.validate(filter("licensure_state", "ca")).values());
    assertEquals(Map.of("outcome", List.of("upheld")), b.validate(filter("outcome", "UPHELD")).values());
    assertEquals(Map.of("drug_class", List.of("opioid")), b.validate(filter("DRUG_CLASS", "opioid")).values());
    assertEquals(decisions(filter("drug_class", "opioid")), decisions(filter("drug_class", "OPIOID")));
    assertEquals(decisions(filter("licensure_state", "CA")), decisions(filter("licensure_state", "ca")));
    assertTrue(decisions(filter("outcome", "UPHELD")) > 0);
  }

  @Test
  void aDrugFilterTakesABrandAndMeansItsGeneric() throws Exception {
    QueryBuilder b = new QueryBuilder(qi);
    assertEquals(Map.of("drug", List.of("hydrocodone/acetaminophen")), b.validate(filter("drug", "Norco")).values());
    assertEquals(Map.of("drug", List.of("hydrocodone/acetaminophen")), b.validate(filter("drug", "norco")).values());
    assertEquals(Map.of("drug", List.of("hydrocodone/acetaminophen")), b.validate(filter("drug", "Norco", "hydrocodone/acetaminophen")).values());
    long generic = decisions(filter("drug", "hydrocodone/acetaminophen"));
    assertTrue(generic > 0);
    assertEquals(generic, decisions(filter("drug", "Norco")));
  }

  @Test
  void theValuesAnErrorListsAreSorted() {
    QueryBuilder b = new QueryBuilder(qi);
    assertEquals("no decision has drug_class=opiod; values are: anticonvulsant, antidepressant, benzodiazepine, compound, medical_food,"
        + " muscle_relaxant, nsaid, opioid, ppi, sleep_aid, topical",
        assertThrows(QuerySyntaxException.class, () -> b.validate(filter("drug_class", "opiod"))).getMessage());
    assertEquals("no decision has licensure_state=zz; values are: AZ, CA, CO, FL, GA, IL, MA, NC, NH, NV, NY, OH, OR, PA, SC, TX, WA",
        assertThrows(QuerySyntaxException.class, () -> b.validate(filter("licensure_state", "zz"))).getMessage());
    List<String> numbers = new java.util.ArrayList<>(List.of("10", "9", "Zeta", "alpha", "100"));
    numbers.sort(QueryBuilder.VALUE_ORDER);
    assertEquals(List.of("9", "10", "100", "alpha", "Zeta"), numbers);
  }
}
