package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.minhash.MinHashFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.imrindex.model.LetterJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code imr similar}: near-duplicate rationales across letters and reviewers. The expected lines are
 * built here from the hand-checked expected records (corpus-samples/expected/real-letters) and from
 * letters written here: the exact similarity is the Jaccard similarity of 3-word shingle sets made by
 * this test's own word splitting; the estimate is Lucene's MinHashFilter (one hash, 128 buckets) over
 * those shingles, compared bucket by bucket here.
 */
class SimilarCommandTest {

  @TempDir
  static Path tmp;

  private static String index;

  /** The letters planted here: the same rationale under three reviewers, and one changed sentence. */
  private static final String BOILERPLATE = "Chronic pain guidelines do not recommend long-term use of muscle relaxants."
      + " Cyclobenzaprine is recommended as an option for a short course of therapy, and the effect is greatest in the first"
      + " four days of treatment. The records do not document functional improvement from prior use."
      + " Therefore the request for the medication is not medically necessary.";
  private static final String CHANGED = BOILERPLATE.replace("The records do not document functional improvement from prior use.",
      "The progress notes describe a recent flare of neck pain after lifting boxes at work.");

  @BeforeAll
  static void indexTheRealAndPlantedLetters() throws IOException {
    Path letters = Files.createDirectories(tmp.resolve("letters"));
    try (Stream<Path> s = Files.list(Fixtures.corpus().resolve("real-letters"))) {
      for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".txt")).toList()) {
        Files.copy(p, letters.resolve(p.getFileName()));
      }
    }
    Files.writeString(letters.resolve("planted-1.txt"), Fixtures.professionalReview("CM18-0090001", "Internal Medicine", BOILERPLATE, "Flexeril 10mg #60"), StandardCharsets.UTF_8);
    Files.writeString(letters.resolve("planted-2.txt"), Fixtures.professionalReview("CM18-0090002", "Anesthesiology", BOILERPLATE, "Cyclobenzaprine 7.5mg #90"), StandardCharsets.UTF_8);
    Files.writeString(letters.resolve("planted-3.txt"), Fixtures.professionalReview("CM18-0090003", "Family Medicine", CHANGED, "Fexmid 7.5mg #60"), StandardCharsets.UTF_8);
    index = tmp.resolve("index").toString();
    Fixtures.Run run = Fixtures.imr("index", "--index", index, "--quiet", letters.toString());
    assertEquals(0, run.exit(), run.err());
  }

  // ---- the similarities, computed here ----

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[.'\u2019][\\p{L}\\p{N}]+)*");

  /** The 3-word shingles of a text: lowercase words (letters and digits, kept whole across an inner . or '). */
  static Set<String> shingles(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      words.add(m.group());
    }
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i + 3 <= words.size(); i++) {
      out.add(String.join(" ", words.subList(i, i + 3)));
    }
    return out;
  }

  static double jaccard(Set<String> a, Set<String> b) {
    Set<String> both = new LinkedHashSet<>(a);
    both.retainAll(b);
    return (double) both.size() / (a.size() + b.size() - both.size());
  }

  /** Lucene's MinHashFilter over a list of shingles: each bucket's smallest hash, by bucket. */
  static String[] signature(Set<String> shingles) throws IOException {
    Iterator<String> it = shingles.iterator();
    TokenStream list = new TokenStream() {
      private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

      @Override
      public boolean incrementToken() {
        clearAttributes();
        if (!it.hasNext()) {
          return false;
        }
        term.append(it.next());
        return true;
      }
    };
    String[] byBucket = new String[128];
    try (TokenStream ts = new MinHashFilter(list, 1, 128, 1, false)) {
      CharTermAttribute term = ts.getAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        String t = term.toString();
        long top = ((long) t.charAt(0) << 16 | t.charAt(1)) & 0xFFFFFFFFL;
        byBucket[(int) (top / ((1L << 32) / 128))] = t;
      }
      ts.end();
    }
    return byBucket;
  }

  /** Buckets with the same hash in both over buckets with a hash in either. */
  static double estimate(String a, String b) throws IOException {
    String[] x = signature(shingles(a));
    String[] y = signature(shingles(b));
    int same = 0;
    int filled = 0;
    for (int i = 0; i < 128; i++) {
      filled += x[i] != null || y[i] != null ? 1 : 0;
      same += x[i] != null && x[i].equals(y[i]) ? 1 : 0;
    }
    return (double) same / filled;
  }

  private static JsonNode expected(String caseNumber) throws IOException {
    return LetterJson.mapper().readTree(Files.readString(Fixtures.corpus().resolve("expected/real-letters/" + caseNumber + ".json")));
  }

  private static String row(String rationale, String caseNumber, JsonNode letter, int decision) throws IOException {
    JsonNode d = letter.get("decisions").get(decision - 1);
    List<String> specialties = new ArrayList<>();
    letter.get("reviewer").get("specialties").forEach(s -> specialties.add(s.asText()));
    return row(estimate(rationale, d.get("rationale").asText()), jaccard(shingles(rationale), shingles(d.get("rationale").asText())),
        caseNumber, decision + " of " + letter.get("decisions").size(), d.get("outcome").asText(), String.join(", ", specialties), d.get("item").asText());
  }

  private static String row(double est, double exact, String letter, String decision, String outcome, String specialty, String item) {
    return String.format(Locale.ROOT, "  %.2f   %.2f  %-12s  %-8s  %-10s  %s  |  %s%n", est, exact, letter, decision, outcome, specialty, item);
  }

  private static final String COLUMNS = "   est  exact  letter        decision  outcome     specialty  |  item\n";

  @Test
  void theSameRationaleUnderOtherReviewersIsListedFirstAndAChangedOneAfterIt() throws IOException {
    Fixtures.Run run = Fixtures.imr("similar", "--index", index, "CM18-0090001");
    assertEquals(0, run.exit(), run.err());
    assertEquals("CM18-0090001 decision 1 of 1: upheld   Flexeril 10mg #60\n" + COLUMNS
        + row(1, 1, "CM18-0090002", "1 of 1", "upheld", "Anesthesiology", "Cyclobenzaprine 7.5mg #90")
        + row(estimate(BOILERPLATE, CHANGED), jaccard(shingles(BOILERPLATE), shingles(CHANGED)), "CM18-0090003", "1 of 1", "upheld",
            "Family Medicine", "Fexmid 7.5mg #60"), run.out());
    assertEquals("", run.err());
    // the changed sentence costs its shingles and those across its edges: the check is below identity, above the default floor
    assertTrue(jaccard(shingles(BOILERPLATE), shingles(CHANGED)) < 0.8 && estimate(BOILERPLATE, CHANGED) >= 0.5);
  }

  @Test
  void realLettersOfOneReviewerShareTheirTramadolRationale() throws IOException {
    // CM16-0230651, decision 8 (Ultram 50mg #30): the Physical Medicine and Rehabilitation reviewer's opioid
    // paragraph recurs in CM17-0012582 (decision 2) and CM17-0016311 (decision 3)
    JsonNode from = expected("CM16-0230651");
    String rationale = from.get("decisions").get(7).get("rationale").asText();
    Fixtures.Run run = Fixtures.imr("similar", "--index", index, "cm16-0230651", "--decision", "8", "--min-similarity", "0.35");
    assertEquals(0, run.exit(), run.err());
    List<String> rows = new ArrayList<>(List.of(row(rationale, "CM17-0012582", expected("CM17-0012582"), 2),
        row(rationale, "CM17-0016311", expected("CM17-0016311"), 3)));
    rows.sort((a, b) -> b.substring(0, 6).compareTo(a.substring(0, 6)));
    assertEquals("CM16-0230651 decision 8 of 10: upheld   Ultram 50mg #30\n" + COLUMNS + String.join("", rows), run.out());
  }

  @Test
  void aRationaleWithNothingNearSaysSo() throws IOException {
    Fixtures.Run run = Fixtures.imr("similar", "--index", index, "CM16-0219557");
    assertEquals(0, run.exit(), run.err());
    assertEquals("CM16-0219557 decision 1 of 1: " + expected("CM16-0219557").get("decisions").get(0).get("outcome").asText() + "   "
        + expected("CM16-0219557").get("decisions").get(0).get("item").asText() + "\n"
        + "  no decision of another letter has a rationale at estimated Jaccard 0.50 or more\n", run.out());
  }

  @Test
  void eachDecisionOfTheLetterInTurnWithoutDecision() throws IOException {
    Fixtures.Run run = Fixtures.imr("similar", "--index", index, "CM17-0014320", "--min-similarity", "0.9");
    assertEquals(0, run.exit(), run.err());
    JsonNode l = expected("CM17-0014320");
    StringBuilder want = new StringBuilder();
    for (int i = 0; i < 2; i++) {
      JsonNode d = l.get("decisions").get(i);
      want.append("CM17-0014320 decision ").append(i + 1).append(" of 2: ").append(d.get("outcome").asText()).append("   ")
          .append(d.get("item").asText()).append('\n')
          .append("  no decision of another letter has a rationale at estimated Jaccard 0.90 or more\n");
    }
    assertEquals(want.toString(), run.out());
  }

  @Test
  void anUnknownLetterIsExitOneAndADecisionTheLetterDoesNotHaveExitTwo() {
    Fixtures.Run missing = Fixtures.imr("similar", "--index", index, "CM99-0000001");
    assertEquals(1, missing.exit());
    assertEquals("imr: no letter with case number or id CM99-0000001\n", missing.err());
    assertEquals("", missing.out());
    Fixtures.Run third = Fixtures.imr("similar", "--index", index, "CM18-0090001", "--decision", "3");
    assertEquals(2, third.exit());
    assertEquals("imr: CM18-0090001 has 1 decision; --decision 3 is not one of them (leave it out, or give 1)\n", third.err());
    Fixtures.Run zero = Fixtures.imr("similar", "--index", index, "CM16-0230651", "--decision", "0");
    assertEquals(2, zero.exit());
    assertEquals("imr: CM16-0230651 has 10 decisions; --decision 0 is not one of them (give 1 to 10)\n", zero.err());
    Fixtures.Run min = Fixtures.imr("similar", "--index", index, "CM16-0230651", "--min-similarity", "1.5");
    assertEquals(2, min.exit());
    assertEquals("imr: --min-similarity takes a number above 0 and at most 1, got 1.5\n", min.err());
    Fixtures.Run limit = Fixtures.imr("similar", "--index", index, "CM16-0230651", "--limit", "0");
    assertEquals(2, limit.exit());
    assertEquals("imr: --limit takes a number of decisions from 1, got 0\n", limit.err());
    Fixtures.Run key = Fixtures.imr("similar", "--index", index, "abc");
    assertEquals(2, key.exit());
    assertEquals("imr: 'abc' is neither a case number nor a letter id (ids are 64 hex characters; at least 8 of them find one)\n", key.err());
    Fixtures.Run none = Fixtures.imr("similar", "--index", tmp.resolve("nothing").toString(), "CM16-0230651");
    assertEquals(3, none.exit());
  }

  @Test
  void helpListsTheExitCodes() {
    Fixtures.Run help = Fixtures.imr("similar", "--help");
    assertEquals(0, help.exit());
    assertTrue(help.out().endsWith("Exit codes:\n  0     Success (also when nothing is similar).\n  1     No letter has that case number or id.\n"
        + "  2     Usage error: a bad key, --decision, --min-similarity or --limit.\n"
        + "  3     No index, or one this version cannot read (it says what to do).\n  130   Interrupted (Ctrl-C).\n"), help.out());
  }
}
