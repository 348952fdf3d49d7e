package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.imrindex.model.LetterJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * imr report --format html: one self-contained page (no script, no external file) with the question,
 * the chart and the table, every value escaped: a guideline section named {@code <script>alert(1)</script>}
 * in a letter shows as that text.
 */
class HtmlReportTest {

  /** The section a letter written for this test cites (the seed 000 with its "Benzodiazepines" section renamed). */
  static final String EVIL = "<script>alert(1)</script>";

  @TempDir
  static Path tmp;

  static Path index;

  /** An index of the five seeds, seed 000 citing the section {@link #EVIL} instead of "Benzodiazepines". */
  static Path evilIndex(Path dir) throws IOException {
    Path letters = Files.createDirectories(dir.resolve("evil-letters"));
    try (Stream<Path> s = Files.list(Fixtures.corpus().resolve("letters/seeds"))) {
      for (Path p : s.sorted().toList()) {
        String text = Files.readString(p, StandardCharsets.UTF_8);
        if (p.getFileName().toString().startsWith("000_")) {
          assertTrue(text.contains("\nBenzodiazepines Page(s): 24."), "the seed cites Benzodiazepines on its own line");
          text = text.replace("\nBenzodiazepines Page(s): 24.", "\n" + EVIL + " Page(s): 24.");
        }
        Files.writeString(letters.resolve(p.getFileName()), text, StandardCharsets.UTF_8);
      }
    }
    Path idx = dir.resolve("evil-index");
    Fixtures.Run run = Fixtures.imr("index", "--index", idx.toString(), "--quiet", letters.toString());
    assertEquals(0, run.exit(), run.err());
    return idx;
  }

  @BeforeAll
  static void indexTheLetters() throws IOException {
    index = evilIndex(tmp);
  }

  /** The guideline_topic value that holds the evil section, as the JSON report names it. */
  static String evilTopic() throws IOException {
    Fixtures.Run json = Fixtures.imr("report", "--index", index.toString(), "--by", "guideline_topic", "--format", "json");
    assertEquals(0, json.exit(), json.err());
    List<String> topics = new ArrayList<>();
    for (JsonNode r : LetterJson.mapper().readTree(json.out()).get("rows")) {
      if (!r.get("guideline_topic").isNull() && r.get("guideline_topic").asText().contains(EVIL)) {
        topics.add(r.get("guideline_topic").asText());
      }
    }
    assertEquals(1, topics.size(), topics.toString());
    return topics.get(0);
  }

  @Test
  void aValueFromALetterIsTextInTheTableTheChartAndTheQuestion() throws Exception {
    String topic = evilTopic();
    Path html = tmp.resolve("topics.html");
    Fixtures.Run run = Fixtures.imr("report", "--index", index.toString(), "--by", "guideline_topic", "--filter", "guideline_topic=" + topic,
        "--format", "html", "--out", html.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals("imr: html report of 1 decisions written to " + html + "\n", run.err());
    String page = Files.readString(html, StandardCharsets.UTF_8);
    assertFalse(page.toLowerCase(java.util.Locale.ROOT).contains("<script"), "no script element, escaped or ours");
    assertFalse(page.contains("http://") && page.contains("src="), "nothing fetched from outside");
    assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "escaped in the HTML");
    // the page is also well-formed XML: read it as a DOM
    Document doc = ChartFormatsTest.xml(html);
    assertEquals(0, doc.getElementsByTagName("script").getLength());
    NodeList cells = doc.getElementsByTagName("td");
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < cells.getLength(); i++) {
      texts.add(cells.item(i).getTextContent());
    }
    assertTrue(texts.contains(topic), "the table shows the value as text: " + texts);
    assertEquals(List.of(topic), new ArrayList<>(ChartFormatsTest.marks(doc).keySet()), "the chart's one mark names it");
    assertTrue(ChartFormatsTest.texts(doc).contains(topic), "the chart's label is the value as text");
    NodeList dds = doc.getElementsByTagName("dd");
    String filters = null;
    for (int i = 0; i < dds.getLength(); i++) {
      Element dd = (Element) dds.item(i);
      if (dd.getAttribute("data-field").equals("filters")) {
        filters = dd.getTextContent();
      }
    }
    assertEquals("guideline_topic=" + topic, filters, "the question names the filter as typed");
  }

  @Test
  void thePageHoldsTheQuestionTheTotalsAndOneTableRowPerGroup() throws Exception {
    Path html = tmp.resolve("drug-class.html");
    Fixtures.Run run = Fixtures.imr("report", "--index", index.toString(), "--by", "drug_class", "--min-n", "3", "--query", "pain",
        "--format", "html", "--out", html.toString());
    assertEquals(0, run.exit(), run.err());
    Document doc = ChartFormatsTest.xml(html);
    java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
    NodeList dds = doc.getElementsByTagName("dd");
    for (int i = 0; i < dds.getLength(); i++) {
      Element dd = (Element) dds.item(i);
      fields.put(dd.getAttribute("data-field"), dd.getTextContent());
    }
    assertEquals("pain", fields.get("query"));
    assertEquals("(none)", fields.get("filters"));
    assertEquals("decision (decisions)", fields.get("level"));
    assertEquals("3 (smaller groups grey, not hidden)", fields.get("min-n"));
    assertEquals(index.toAbsolutePath().normalize().toString(), fields.get("index"));
    assertTrue(fields.get("index snapshot").matches("committed \\d{4}-\\d\\d-\\d\\dT[^ ]+Z \\(generation \\d+\\) by imr .+"), fields.get("index snapshot"));
    assertTrue(fields.get("written by").matches("imr .+ at \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), fields.get("written by"));
    // one table row and one chart mark per group, the small ones included
    java.util.Map<String, String> expected = ChartFormatsTest.jsonRows("report", "--index", index.toString(), "--by", "drug_class", "--query", "pain");
    assertEquals(expected, ChartFormatsTest.marks(doc));
    NodeList trs = doc.getElementsByTagName("tr");
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < trs.getLength(); i++) {
      Element tr = (Element) trs.item(i);
      if (tr.getAttribute("class").startsWith("row")) {
        rows.add(tr.getAttribute("data-value"));
      }
    }
    assertEquals(new java.util.TreeSet<>(expected.keySet()), new java.util.TreeSet<>(rows));
    assertEquals(rows.size(), expected.size());
  }
}
