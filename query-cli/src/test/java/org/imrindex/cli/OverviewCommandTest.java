package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.imrindex.model.LetterJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** imr overview: each figure on the page is the one imr report (and imr terms --compare outcome) gives for the same question. */
class OverviewCommandTest {

  @TempDir
  static Path tmp;

  static String index;

  @BeforeAll
  static void indexTheCorpus() throws IOException {
    index = Fixtures.corpusIndex();
  }

  private static Document overview(Path out, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("overview", "--index", index, "--out", out.toString()));
    all.addAll(List.of(args));
    Fixtures.Run run = Fixtures.imr(all.toArray(String[]::new));
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.err().matches("imr: overview of \\d+ decisions written to " + java.util.regex.Pattern.quote(out.toString()) + "\n"), run.err());
    return ChartFormatsTest.xml(out);
  }

  private static Element section(Document doc, String dim) {
    NodeList sections = doc.getElementsByTagName("section");
    for (int i = 0; i < sections.getLength(); i++) {
      Element s = (Element) sections.item(i);
      if (s.getAttribute("data-dimension").equals(dim)) {
        return s;
      }
    }
    throw new AssertionError("no section for " + dim);
  }

  /** The marks inside one section, as {@link ChartFormatsTest#marks} reads them. */
  private static Map<String, String> marks(Element section) throws Exception {
    Document one = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
    one.appendChild(one.importNode(section, true));
    return ChartFormatsTest.marks(one);
  }

  private static void assertFiguresOfTheReport(Document doc, List<String> question) throws Exception {
    for (String dim : List.of("service_category", "drug_class", "specialty", "licensure_state", "guideline_topic", "decision_month")) {
      List<String> args = new ArrayList<>(List.of("report", "--index", index, "--by", dim));
      args.addAll(question);
      Map<String, String> expected = ChartFormatsTest.jsonRows(args.toArray(String[]::new));
      Map<String, String> marks = marks(section(doc, dim));
      if (dim.equals("decision_month")) {
        expected.remove("(none)"); // no month: not on the time axis (its table row is there)
      }
      if (expected.size() > 40) {
        assertEquals(40, marks.size(), dim + ": the 40 largest groups are drawn");
        assertTrue(expected.entrySet().containsAll(marks.entrySet()), dim);
      } else {
        assertEquals(expected, marks, dim);
      }
    }
    List<String> args = new ArrayList<>(List.of("report", "--index", index, "--by", "outcome", "--format", "json"));
    args.addAll(question);
    JsonNode total = LetterJson.mapper().readTree(Fixtures.imr(args.toArray(String[]::new)).out()).get("total");
    Element totals = (Element) doc.getElementsByTagName("p").item(0);
    assertEquals("totals", totals.getAttribute("class"));
    assertEquals(total.get("decisions").asText() + " " + total.get("upheld").asText() + " " + total.get("uphold_rate").asText(),
        totals.getAttribute("data-n") + " " + totals.getAttribute("data-upheld") + " " + totals.getAttribute("data-rate"));
    List<String> letters = new ArrayList<>(List.of("report", "--index", index, "--by", "outcome", "--level", "letter", "--format", "json"));
    letters.addAll(question);
    assertEquals(LetterJson.mapper().readTree(Fixtures.imr(letters.toArray(String[]::new)).out()).get("total").get("letters").asText(),
        totals.getAttribute("data-letters"));
  }

  @Test
  void everyFigureIsTheReportsAndTheTermsAreImrTerms() throws Exception {
    Document doc = overview(tmp.resolve("overview.html"));
    assertFiguresOfTheReport(doc, List.of());
    JsonNode terms = LetterJson.mapper().readTree(Fixtures.imr("terms", "--index", index, "--compare", "outcome", "--format", "json").out());
    for (String side : List.of("overturned", "upheld")) {
      List<String> expected = new ArrayList<>();
      terms.get("typical_of_" + side).forEach(t -> expected.add(t.get("term").asText() + " " + t.get("z").asText()));
      List<String> shown = new ArrayList<>();
      NodeList tables = doc.getElementsByTagName("table");
      for (int i = 0; i < tables.getLength(); i++) {
        Element table = (Element) tables.item(i);
        if (table.getAttribute("data-side").equals(side)) {
          NodeList trs = table.getElementsByTagName("tr");
          for (int j = 0; j < trs.getLength(); j++) {
            Element tr = (Element) trs.item(j);
            if (tr.getAttribute("class").equals("term")) {
              shown.add(tr.getAttribute("data-term") + " " + tr.getAttribute("data-z"));
            }
          }
        }
      }
      assertTrue(!expected.isEmpty(), side);
      assertEquals(expected, shown, side);
    }
  }

  @Test
  void aQueryAndAFilterNarrowEveryFigure() throws Exception {
    Document doc = overview(tmp.resolve("pain.html"), "--query", "pain", "--filter", "outcome=upheld", "--min-n", "2");
    assertFiguresOfTheReport(doc, List.of("--query", "pain", "--filter", "outcome=upheld"));
  }

  @Test
  void theOverviewNeedsAFile() {
    Fixtures.Run run = Fixtures.imr("overview", "--index", index);
    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("imr: Missing required option: '--out=FILE'"), run.err());
  }
}
