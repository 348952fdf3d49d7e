package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.imrindex.model.LetterJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** imr report --format svg|png --out FILE: the chart alone, one mark per group with the report's numbers. */
class ChartFormatsTest {

  @TempDir
  static Path tmp;

  static String index;

  @BeforeAll
  static void indexTheCorpus() throws IOException {
    index = Fixtures.corpusIndex();
  }

  private static Fixtures.Run imr(String... args) {
    List<String> all = new ArrayList<>(List.of(args[0], "--index", index));
    all.addAll(List.of(args).subList(1, args.length));
    return Fixtures.imr(all.toArray(String[]::new));
  }

  /** The JSON report's rows (args: the whole command line but the format) by label ("a / b"; "(none)" for no value): n upheld rate low high. */
  static Map<String, String> jsonRows(String... args) throws IOException {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--format", "json"));
    Fixtures.Run run = Fixtures.imr(all.toArray(String[]::new));
    assertEquals(0, run.exit(), run.err());
    JsonNode json = LetterJson.mapper().readTree(run.out());
    List<String> by = new ArrayList<>();
    json.get("by").forEach(b -> by.add(b.asText()));
    Map<String, String> rows = new TreeMap<>();
    for (JsonNode r : json.get("rows")) {
      List<String> keys = new ArrayList<>();
      for (String d : by) {
        keys.add(r.get(d).isNull() ? "(none)" : r.get(d).asText());
      }
      rows.put(String.join(" / ", keys), r.get(json.get("level").asText().equals("letter") ? "letters" : "decisions").asText() + " "
          + r.get("upheld").asText() + " " + r.get("uphold_rate").asText() + " " + r.get("ci95_low").asText() + " " + r.get("ci95_high").asText());
    }
    return rows;
  }

  /** The marks of an SVG or HTML document, by data-value: data-n data-upheld data-rate data-low data-high. */
  static Map<String, String> marks(Document doc) {
    Map<String, String> marks = new TreeMap<>();
    NodeList gs = doc.getElementsByTagName("g");
    for (int i = 0; i < gs.getLength(); i++) {
      Element g = (Element) gs.item(i);
      if (g.getAttribute("class").equals("mark")) {
        String before = marks.put(g.getAttribute("data-value"), g.getAttribute("data-n") + " " + g.getAttribute("data-upheld") + " "
            + g.getAttribute("data-rate") + " " + g.getAttribute("data-low") + " " + g.getAttribute("data-high"));
        assertEquals(null, before, "one mark per group: " + g.getAttribute("data-value"));
      }
    }
    return marks;
  }

  static Document xml(Path file) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(file.toFile());
  }

  static List<String> texts(Document doc) {
    List<String> texts = new ArrayList<>();
    NodeList ts = doc.getElementsByTagName("text");
    for (int i = 0; i < ts.getLength(); i++) {
      texts.add(ts.item(i).getTextContent());
    }
    return texts;
  }

  @Test
  void anSvgBarChartHasOneMarkPerGroupWithTheReportsNumbersAndItsTextAsText() throws Exception {
    Path svg = tmp.resolve("drug-class.svg");
    Fixtures.Run run = imr("report", "--by", "drug_class", "--min-n", "4", "--format", "svg", "--out", svg.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.out());
    assertEquals("imr: svg chart of 47 decisions written to " + svg + "\n", run.err());
    Document doc = xml(svg);
    // min-n 4 hides groups in the JSON report; the chart keeps them, grey
    assertEquals(jsonRows("report", "--index", index, "--by", "drug_class", "--min-n", "1"), marks(doc));
    NodeList gs = doc.getElementsByTagName("g");
    int small = 0;
    for (int i = 0; i < gs.getLength(); i++) {
      Element g = (Element) gs.item(i);
      if (g.getAttribute("class").equals("mark")) {
        assertEquals(Integer.parseInt(g.getAttribute("data-n")) < 4, Boolean.parseBoolean(g.getAttribute("data-small")), g.getAttribute("data-value"));
        small += Boolean.parseBoolean(g.getAttribute("data-small")) ? 1 : 0;
      }
    }
    JsonNode hidden = LetterJson.mapper().readTree(imr("report", "--by", "drug_class", "--min-n", "4", "--format", "json").out()).get("hidden");
    assertEquals(hidden.asInt(), small);
    List<String> texts = texts(doc);
    // the title, the axis, the overall rate (32 of 47 upheld: 68.1%, ReportAndExportTest) and the counts are text
    assertTrue(texts.contains("Uphold rate by drug_class"), texts.toString());
    assertTrue(texts.contains("uphold rate (%), whiskers: 95% Wilson interval"), texts.toString());
    assertTrue(texts.contains("all 68.1%"), texts.toString());
    assertTrue(texts.contains("n=8"), texts.toString());
    assertTrue(texts.contains("opioid"), texts.toString());
  }

  @Test
  void aTimeChartMarksEachPeriodAndAHeatTableEachCell() throws Exception {
    Path months = tmp.resolve("months.svg");
    assertEquals(0, imr("report", "--by", "decision_month", "--format", "svg", "--out", months.toString()).exit());
    Map<String, String> expected = jsonRows("report", "--index", index, "--by", "decision_month");
    expected.remove("(none)"); // no period, not on the time axis
    assertEquals(expected, marks(xml(months)));
    Path heat = tmp.resolve("heat.svg");
    assertEquals(0, imr("report", "--by", "specialty", "--by", "outcome", "--format", "svg", "--out", heat.toString()).exit());
    assertEquals(jsonRows("report", "--index", index, "--by", "specialty", "--by", "outcome"), marks(xml(heat)));
  }

  @Test
  void aPngIsAPictureAtTwiceTheChartsSize() throws Exception {
    Path png = tmp.resolve("drug-class.png");
    Fixtures.Run run = imr("report", "--by", "drug_class", "--format", "png", "--out", png.toString());
    assertEquals(0, run.exit(), run.err());
    byte[] bytes = Files.readAllBytes(png);
    assertEquals("\u0089PNG", new String(bytes, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(2000, image.getWidth());
    Set<Integer> colours = new HashSet<>();
    boolean blue = false;
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        colours.add(rgb);
        blue |= rgb == 0x0072B2;
      }
    }
    assertTrue(colours.size() > 10, "not blank: " + colours.size() + " colours");
    assertTrue(blue, "the bars are Okabe-Ito blue");
  }

  @Test
  void theChartsTextDoesNotDependOnTheDefaultLocale() throws Exception {
    java.util.Locale before = java.util.Locale.getDefault();
    try {
      for (String dim : List.of("drug_class", "decision_month")) {
        java.util.Locale.setDefault(java.util.Locale.ROOT);
        Path root = tmp.resolve(dim + "-root.svg");
        assertEquals(0, imr("report", "--by", dim, "--format", "svg", "--out", root.toString()).exit());
        List<String> expected = texts(xml(root));
        for (java.util.Locale l : List.of(java.util.Locale.GERMANY, java.util.Locale.forLanguageTag("th-TH-u-nu-thai"))) {
          java.util.Locale.setDefault(l);
          Path other = tmp.resolve(dim + "-" + l.toLanguageTag() + ".svg");
          assertEquals(0, imr("report", "--by", dim, "--format", "svg", "--out", other.toString()).exit());
          assertEquals(expected, texts(xml(other)), dim + " under " + l);
        }
      }
    } finally {
      java.util.Locale.setDefault(before);
    }
  }

  @Test
  void aChartNeedsOneOrTwoDimensionsAndAPngAFile() {
    Fixtures.Run noOut = imr("report", "--by", "drug_class", "--format", "png");
    assertEquals(2, noOut.exit());
    assertEquals("imr: --format png needs --out FILE\n", noOut.err());
    Fixtures.Run three = imr("report", "--by", "drug_class", "--by", "outcome", "--by", "layout", "--format", "svg");
    assertEquals(2, three.exit());
    assertEquals("imr: a chart shows one or two --by dimensions, got 3\n", three.err());
    Fixtures.Run outWithText = imr("report", "--by", "drug_class", "--out", tmp.resolve("x.txt").toString());
    assertEquals(2, outWithText.exit());
    assertEquals("imr: --out writes a chart: --format svg, png or html\n", outWithText.err());
  }
}
