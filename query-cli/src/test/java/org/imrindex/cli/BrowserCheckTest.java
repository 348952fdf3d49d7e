package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report in a real browser: the DOM headless Chromium built has one mark per group with the report's numbers, and a screenshot is a picture. */
class BrowserCheckTest {

  @TempDir
  static Path tmp;

  static String index;

  @BeforeAll
  static void indexTheCorpus() throws IOException {
    index = Fixtures.corpusIndex();
  }

  private static final Pattern MARK = Pattern.compile("<g\\s[^>]*class=\"mark\"[^>]*>");
  private static final Pattern ATTRIBUTE = Pattern.compile("([a-z-]+)=\"([^\"]*)\"");

  static String unescape(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
  }

  /** The marks of a DOM Chromium serialized, by data-value: data-n data-upheld data-rate data-low data-high. */
  static Map<String, String> marks(String dom) {
    Map<String, String> marks = new TreeMap<>();
    Matcher m = MARK.matcher(dom);
    while (m.find()) {
      Map<String, String> a = new LinkedHashMap<>();
      Matcher at = ATTRIBUTE.matcher(m.group());
      while (at.find()) {
        a.put(at.group(1), unescape(at.group(2)));
      }
      String before = marks.put(a.get("data-value"), a.get("data-n") + " " + a.get("data-upheld") + " " + a.get("data-rate") + " "
          + a.get("data-low") + " " + a.get("data-high"));
      assertEquals(null, before, "one mark per group: " + a.get("data-value"));
    }
    return marks;
  }

  @Test
  void theBrowsersDomHasOneMarkPerGroupWithTheReportsNumbersAndTheScreenshotIsAPicture() throws Exception {
    Path html = tmp.resolve("drug-class.html");
    Fixtures.Run run = Fixtures.imr("report", "--index", index, "--by", "drug_class", "--min-n", "3", "--format", "html", "--out", html.toString());
    assertEquals(0, run.exit(), run.err());
    String dom = Chromium.dumpDom(html, tmp.resolve("dom"));
    Map<String, String> expected = ChartFormatsTest.jsonRows("report", "--index", index, "--by", "drug_class");
    assertTrue(expected.size() > 5, expected.toString());
    assertEquals(expected, marks(dom));
    assertEquals(expected.size(), Pattern.compile("<tr class=\"row").matcher(dom).results().count(), "one table row per group");

    Path png = Chromium.screenshot(html, tmp.resolve("shot"), tmp.resolve("drug-class.png"));
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(1200, image.getWidth());
    Set<Integer> colours = new HashSet<>();
    boolean blue = false;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        colours.add(rgb);
        blue |= Math.abs((rgb >> 16) - 0x00) < 8 && Math.abs(((rgb >> 8) & 0xFF) - 0x72) < 8 && Math.abs((rgb & 0xFF) - 0xB2) < 8;
      }
    }
    assertTrue(colours.size() > 10, "not blank: " + colours.size() + " colours");
    assertTrue(blue, "the bars (Okabe-Ito blue) are on the screen");
  }

  @Test
  void aValueFromALetterIsTextInTheBrowser() throws Exception {
    Path idx = HtmlReportTest.evilIndex(tmp.resolve("evil"));
    Path html = tmp.resolve("topics.html");
    Fixtures.Run run = Fixtures.imr("report", "--index", idx.toString(), "--by", "guideline_topic", "--format", "html", "--out", html.toString());
    assertEquals(0, run.exit(), run.err());
    String dom = Chromium.dumpDom(html, tmp.resolve("evil-dom"));
    assertFalse(dom.contains("<script"), "the browser made no script element");
    assertTrue(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the browser holds the value as text");
    assertTrue(marks(dom).keySet().stream().anyMatch(k -> k.contains(HtmlReportTest.EVIL)), "a mark names the value");
  }
}
