package org.imrindex.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.SplittableRandom;
import org.imrindex.lexicon.DrugEntry;
import org.imrindex.lexicon.DrugLexicon;

/**
 * Writes realistic synthetic determination letters, reproducibly from a seed, in all four layouts,
 * with PDF-style artefacts (hard line wraps, page footers, form feeds, odd spaces). About 9 in 10
 * items are upheld and 3 in 5 are drugs, as in the public corpus. Not thread-safe; one per thread.
 * By default the letters are real-size ({@link Size#REAL}): decisions per letter, the case summary's
 * and the rationales' lengths and the cover letters' header block are drawn from the figures of the
 * 152 real letters measured by {@code benchmarks/compare/real-letter-figures.py} (docs/benchmarks.md,
 * "Real-size letters"), in the generator's own sentences.
 *
 * <p>The item headings of the standard and cover layouts ({@code item: Upheld} under "IMR ISSUES,
 * DECISIONS AND RATIONALES") also take the shapes of the real letters in
 * {@code ../shared/real-letters} (152 letters decided December 2016 – February 2017, 294 outcome
 * headings, counted in their text with a plain pattern: a blank-line paragraph ending in Upheld or
 * Overturned after the issues heading). The rates below are per heading of those two layouts; the
 * real letters with these shapes are all of that layout, so the other two layouts have none.
 * <ul>
 *   <li><b>Partly authorised requests</b>, {@value #PARTIAL_PER_MILLE}‰ of headings (33 of the 294
 *       real headings, in 28 of the 152 letters): "X was the original request. Y was authorized by
 *       the Claims Administrator. The remaining IMR eligible portion of the original request, Z is:
 *       Upheld". The truth's item is Z, with X and Y as {@link GeneratedLetter.Item#originalRequest()}
 *       and {@link GeneratedLetter.Item#authorizedByClaimsAdministrator()}. Of these,
 *       {@value #LEAVING_PER_MILLE}‰ take the other form, "… The Claims Administrator authorized Y,
 *       leaving the original request IMR eligible. The original request, X is: Upheld", whose item is
 *       X itself (2 of the 33), and {@value #NO_IS_PER_MILLE}‰ of the first form end "…, Z: Upheld"
 *       without "is" (2 of 33). They are therapy courses cut to fewer sessions (27 of 33), drug
 *       quantities cut (2) and refills left out (2), here in the rates of {@link #partial()}; 32 of the 33
 *       were upheld, so these are upheld {@value #PARTIAL_UPHELD_PERCENT}% of the time.</li>
 *   <li><b>Wrapped item headings</b>, {@value #LONG_PER_MILLE}‰ of headings (9 of 294 headings that
 *       are not partly authorised wrap, over two lines): items longer than a line (compound creams of
 *       three to five ingredients, requests with a date of service, surgery and therapy requests
 *       naming several body parts), wrapped over two lines, or three for a tenth of them (a compound
 *       cream with directions: the issue names headings wrapped over three lines). Partly authorised
 *       headings always wrap, mostly over three or four lines, as in the real letters (3 to 5 there).</li>
 *   <li><b>The outcome on its own line</b> after the heading's colon, {@value #OWN_LINE_PER_MILLE}‰ of
 *       headings of any kind: 6 of the 294 real headings (in 6 of the 152 letters, the same in the
 *       PDFs' text); issue 11 counts 13 of 194 letters with the held-back ones, so the rate is set
 *       between the two (about 5% of letters of these layouts).</li>
 * </ul>
 * Their wording is the generator's own, within what the real letters' fixed sentences allow.
 */
public final class LetterGenerator {

  private static final int WRAP = 96;

  /** Partly authorised headings, per thousand headings of the standard and cover layouts. */
  static final int PARTIAL_PER_MILLE = 110;
  /** Partly authorised headings in the "leaving the original request IMR eligible" form, per thousand of them. */
  static final int LEAVING_PER_MILLE = 60;
  /** Headings of the "remaining portion" form that omit "is" before the colon, per thousand of them. */
  static final int NO_IS_PER_MILLE = 60;
  /** Items too long for a line (other than partly authorised ones), per thousand headings. */
  static final int LONG_PER_MILLE = 30;
  /** Headings whose outcome word stands on the next line, per thousand headings. */
  static final int OWN_LINE_PER_MILLE = 30;
  /** Share of partly authorised requests upheld, in percent. */
  static final int PARTIAL_UPHELD_PERCENT = 94;

  /** The list of generator-drugs.txt: the products drug requests are drawn from, in its order. */
  static final String DRUG_LIST = "generator-drugs.txt";
  private static final List<DrugEntry> DRUGS = drugList();

  /**
   * How long the letters are. {@link #REAL} (the default) draws the number of decisions, the case
   * summary's and each rationale's length and the cover letters' header block from the figures of
   * the 152 real letters (docs/benchmarks.md, "Real-size letters": 5.6 KB mean, 1.9 decisions);
   * {@link #COMPACT} writes the short letters of before (1.7 KB mean), unchanged for a seed.
   */
  public enum Size { REAL, COMPACT }

  /**
   * Decisions per letter in the real letters: {count, letters}, 151 letters with at least one
   * decision (the 152nd has none).
   */
  private static final int[][] DECISIONS_PER_LETTER = {{1, 99}, {2, 24}, {3, 7}, {4, 7}, {5, 5}, {6, 4}, {8, 3}, {10, 1}, {15, 1}};
  /** Deciles (0, 10, …, 100%) of the real case summaries' length in characters (the empty one read as 400). */
  private static final int[] SUMMARY_DECILES = {400, 847, 948, 1077, 1200, 1370, 1503, 1694, 1897, 2231, 3626};
  /** Deciles of the real rationales' length in characters (294 rationales). */
  private static final int[] RATIONALE_DECILES = {148, 373, 513, 617, 702, 829, 1014, 1141, 1328, 1676, 4142};
  /** Header blocks with one space after each label instead of two, per thousand cover letters (1 of 152). */
  static final int SINGLE_SPACED_HEADER_PER_MILLE = 7;

  private final SplittableRandom random;
  private final boolean realSize;
  private final List<DrugEntry> drugs;
  private final List<DrugEntry> compoundIngredients;
  private int serial;

  /** A generator of real-size letters ({@link Size#REAL}). */
  public LetterGenerator(long seed) {
    this(seed, Size.REAL);
  }

  /** A generator of letters of the given size; the same seed and size always give the same letters. */
  public LetterGenerator(long seed, Size size) {
    this.random = new SplittableRandom(seed);
    this.realSize = size == Size.REAL;
    this.drugs = DRUGS;
    List<DrugEntry> ingredients = new ArrayList<>();
    for (String[] c : COMPOUND_INGREDIENTS) {
      ingredients.add(DrugLexicon.standard().generic(c[0])
          .orElseThrow(() -> new IllegalStateException("drugs.txt has no generic " + c[0] + " for the compound creams")));
    }
    this.compoundIngredients = List.copyOf(ingredients);
  }

  /**
   * The products of {@value #DRUG_LIST}, each the drugs.txt entry of that name: the generator's own
   * list, so that the letters a seed gives do not change when the lexicon grows.
   */
  static List<DrugEntry> drugList() {
    Map<String, DrugEntry> byName = new HashMap<>();
    for (DrugEntry e : DrugLexicon.standard().entries()) {
      byName.put(e.name(), e);
    }
    List<DrugEntry> out = new ArrayList<>();
    try (InputStream in = LetterGenerator.class.getResourceAsStream(DRUG_LIST)) {
      if (in == null) {
        throw new IllegalStateException("generator drug list missing: " + DRUG_LIST);
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String name = line.strip();
        if (name.isEmpty() || name.startsWith("#")) {
          continue;
        }
        DrugEntry e = byName.get(name);
        if (e == null) {
          throw new IllegalStateException(DRUG_LIST + ": drugs.txt has no product named " + name);
        }
        out.add(e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(out);
  }

  /** The next letter; names run gen-000001.txt, gen-000002.txt, … */
  public GeneratedLetter next() {
    serial++;
    String name = String.format(Locale.ROOT, "gen-%06d.txt", serial);
    int layout = random.nextInt(100);
    int year = 13 + random.nextInt(7);
    // the serial makes case numbers unique: random ones collide (birthday bound) and merge two letters
    String caseNumber = String.format(Locale.ROOT, "CM%02d-%07d", year, serial % 10_000_000);
    List<GeneratedLetter.Item> items = new ArrayList<>();
    int n = realSize ? decisionCount() : 1 + (random.nextInt(100) < 45 ? random.nextInt(4) : 0);
    // the standard (< 55) and cover (< 75) layouts head each item "item: Upheld"
    boolean headed = layout < 75;
    for (int i = 0; i < n; i++) {
      items.add(item(headed));
    }
    Body body = new Body(year, items);
    String text;
    String layoutName;
    if (layout < 55) {
      layoutName = "standard";
      text = standard(body, null);
      caseNumber = null;
    } else if (layout < 75) {
      layoutName = "cover";
      text = standard(body, caseNumber);
    } else if (layout < 90) {
      layoutName = "documents-reviewed";
      text = documentsReviewed(body, caseNumber);
    } else {
      layoutName = "professional-review";
      text = professionalReview(body, caseNumber);
    }
    return new GeneratedLetter(name, paginate(text, caseNumber), layoutName, caseNumber, items);
  }

  // ---- items ---------------------------------------------------------------------------------

  private static final String[][] SERVICES = {
    {"Physical therapy 2x6 for the lumbar spine", "MTUS Chronic Pain Medical Treatment Guidelines, Physical Medicine", "98-99"},
    {"Chiropractic treatment, 8 visits", "MTUS Chronic Pain Medical Treatment Guidelines, Manual therapy & manipulation", "58-59"},
    {"MRI of the lumbar spine without contrast", "MTUS ACOEM Chapter 12 Low Back Complaints", "303-305"},
    {"EMG/NCV of the bilateral lower extremities", "MTUS ACOEM Chapter 12 Low Back Complaints", "303"},
    {"Urine drug screen", "MTUS Chronic Pain Medical Treatment Guidelines, Drug testing", "43"},
    {"Lumbar epidural steroid injection at L5-S1", "MTUS Chronic Pain Medical Treatment Guidelines, Epidural steroid injections", "46"},
    {"TENS unit, 30-day rental", "MTUS Chronic Pain Medical Treatment Guidelines, TENS", "114-116"},
    {"Functional restoration program, 10 days", "MTUS Chronic Pain Medical Treatment Guidelines, Functional restoration programs", "30-32"},
    {"Pain management consultation", "MTUS ACOEM Chapter 7, Independent Medical Examinations and Consultations", "127"},
    {"Right knee arthroscopy with partial meniscectomy", "MTUS ACOEM Chapter 13 Knee Complaints", "344-345"},
    {"Cognitive behavioral therapy, 6 sessions", "MTUS Chronic Pain Medical Treatment Guidelines, Behavioral interventions", "23"},
    {"Home health care, 4 hours a day", "MTUS Chronic Pain Medical Treatment Guidelines, Home health services", "51"},
    {"Acupuncture, 6 visits", "MTUS Acupuncture Medical Treatment Guidelines", ""},
    {"Lumbar brace", "MTUS ACOEM Chapter 12 Low Back Complaints", "301"},
  };

  private static final String[] FORMS = {"%s %s #%d", "%s %s Qty %d", "%d tablets of %s %s", "%s %s, #%d"};
  private static final String[] STRENGTHS = {"10mg", "5/325mg", "10/325 mg", "50mg", "7.5mg", "500 mg", "20mg", "0.5mg", "300mg", "75 mg"};

  private GeneratedLetter.Item item(boolean headed) {
    if (headed) {
      int shape = random.nextInt(1000);
      if (shape < PARTIAL_PER_MILLE) {
        return partial();
      }
      if (shape < PARTIAL_PER_MILLE + LONG_PER_MILLE) {
        return longItem();
      }
    }
    boolean upheld = random.nextInt(100) < 89;
    if (random.nextInt(100) < 60) {
      DrugEntry d = drugs.get(random.nextInt(drugs.size()));
      String strength = STRENGTHS[random.nextInt(STRENGTHS.length)];
      int qty = 30 * (1 + random.nextInt(4));
      int form = random.nextInt(FORMS.length);
      String name = d.name();
      String item = form == 2
          ? String.format(Locale.ROOT, FORMS[form], qty, name, strength)
          : String.format(Locale.ROOT, FORMS[form], name, strength, qty);
      List<Integer> pages = pages(random.nextInt(100) < 70 ? "74-80" : "24");
      return new GeneratedLetter.Item(item, null, null, upheld, d.generic(), d.drugClass().toString(), pages);
    }
    String[] s = SERVICES[random.nextInt(SERVICES.length)];
    return new GeneratedLetter.Item(s[0], null, null, upheld, null, null, pages(s[2]));
  }

  // ---- partly authorised requests --------------------------------------------------------------

  /** Therapy courses UR cuts short: what is written, and the MTUS pages the reviewer cites. */
  private static final String[][] THERAPIES = {
    {"Physical therapy", "98-99"},
    {"Occupational therapy", "98-99"},
    {"Chiropractic care", "58-59"},
    {"Acupuncture", ""},
    {"Aquatic therapy", "22"},
    {"Massage therapy", "60"},
  };
  private static final String[] BODY_PARTS = {
    "the lumbar spine", "the cervical spine", "the right shoulder", "the left knee", "the neck and upper back",
    "both wrists", "the right hand and wrist", "the low back and left hip"};
  private static final String[] NUMBER_WORDS = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen"};

  /**
   * A partly authorised request: a therapy course cut to fewer sessions (80%), a drug quantity cut
   * (10%) or a prescription's refills left out (10%); in the "leaving the original request IMR
   * eligible" form ({@value #LEAVING_PER_MILLE}‰) the IMR decides the whole original request.
   */
  private GeneratedLetter.Item partial() {
    boolean upheld = random.nextInt(100) < PARTIAL_UPHELD_PERCENT;
    boolean leaving = random.nextInt(1000) < LEAVING_PER_MILLE;
    int kind = random.nextInt(10);
    if (kind < 8) {
      String[] therapy = THERAPIES[random.nextInt(THERAPIES.length)];
      String t = therapy[0];
      String lower = t.toLowerCase(Locale.ROOT);
      String part = BODY_PARTS[random.nextInt(BODY_PARTS.length)];
      int perWeek = 2 + random.nextInt(2);
      int weeks = new int[] {3, 4, 6}[random.nextInt(3)];
      int asked = perWeek * weeks;
      int granted = asked > 6 && random.nextBoolean() ? 6 : Math.max(2, asked / 2);
      int left = asked - granted;
      boolean words = random.nextInt(100) < 25;
      String original = switch (random.nextInt(leaving ? 4 : 3)) {
        case 0 -> t + " for " + part + ", " + asked + " sessions";
        case 1 -> t + " " + perWeek + " times per week for " + weeks + " weeks for " + part;
        case 2 -> capitalize(count(asked, words)) + " sessions of " + lower + " for " + part;
        default -> t + " for " + part + " (number of sessions not given)";
      };
      String authorized = switch (random.nextInt(3)) {
        case 0 -> t + " for " + part + ", " + granted + " sessions";
        case 1 -> capitalize(count(granted, words)) + " sessions of " + lower + " for " + part;
        default -> t + ", " + granted + " visits";
      };
      String decided = leaving ? original : switch (random.nextInt(3)) {
        case 0 -> t + " for " + part + ", " + left + " sessions";
        case 1 -> count(left, words) + " further sessions of " + lower + " for " + part;
        default -> capitalize(count(left, words)) + " more visits of " + lower;
      };
      return new GeneratedLetter.Item(decided, original, authorized, upheld, null, null, pages(therapy[1]));
    }
    DrugEntry d = drugs.get(random.nextInt(drugs.size()));
    String strength = STRENGTHS[random.nextInt(STRENGTHS.length)];
    int qty = 30 * (2 + random.nextInt(5));
    String form = new String[] {"%s %s #%d", "%s %s Qty %d", "%s %s, #%d"}[random.nextInt(3)];
    String original;
    String authorized;
    String decided;
    if (kind == 8) {
      int granted = random.nextBoolean() ? qty / 2 : qty / 3;
      original = String.format(Locale.ROOT, form, d.name(), strength, qty);
      authorized = String.format(Locale.ROOT, form, d.name(), strength, granted);
      decided = String.format(Locale.ROOT, form, d.name(), strength, qty - granted);
    } else {
      int refills = 1 + random.nextInt(5);
      String fill = String.format(Locale.ROOT, form, d.name(), strength, qty);
      original = fill + " with " + refills + (refills == 1 ? " refill" : " refills");
      authorized = fill;
      decided = capitalize(count(refills, true)) + (refills == 1 ? " refill of " : " refills of ") + fill;
    }
    List<Integer> pages = pages(random.nextInt(100) < 70 ? "74-80" : "24");
    return new GeneratedLetter.Item(leaving ? original : decided, original, authorized, upheld, d.generic(),
        d.drugClass().toString(), pages);
  }

  private static String count(int n, boolean words) {
    return words && n < NUMBER_WORDS.length ? NUMBER_WORDS[n] : String.valueOf(n);
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  // ---- items longer than a line -----------------------------------------------------------------

  /** Single-ingredient generics of drugs.txt that pharmacies compound into creams, with usual strengths (%). */
  private static final String[][] COMPOUND_INGREDIENTS = {
    {"flurbiprofen", "10", "15", "20", "25"}, {"ketoprofen", "10", "15", "20"}, {"diclofenac", "3", "5", "10"},
    {"gabapentin", "6", "10", "15"}, {"cyclobenzaprine", "2", "4", "5"}, {"baclofen", "2", "5"},
    {"amitriptyline", "4", "5", "10"}, {"lidocaine", "2", "5"}, {"capsaicin", "0.025", "0.0375"},
    {"menthol", "2", "5"}, {"camphor", "2", "3"}, {"tramadol", "5", "8", "10"}, {"ketamine", "5", "10"}};
  private static final String[] VEHICLES = {"cream", "cream base", "transdermal cream", "topical gel", "ointment"};
  private static final String[][] DEVICES = {
    {"Interferential stimulator unit, three-month rental with electrodes and batteries, for the lumbar spine", "118-120"},
    {"Hot and cold compression therapy unit with wraps for the right shoulder, purchase", "300"},
    {"TENS unit with electrodes and a month of supplies for the neck and low back", "114-116"},
    {"Urine toxicology screening by immunoassay with confirmatory testing", "43"},
    {"Nerve conduction velocity testing of both upper extremities", "303"}};
  private static final String[][] PROCEDURES = {
    {"Arthroscopic subacromial decompression with distal clavicle excision, labral debridement and possible biceps tenodesis of the right shoulder", "209-211"},
    {"Anterior cervical discectomy and fusion at C5-C6 and C6-C7 with allograft and anterior plating, with a two-day inpatient stay", "180-181"},
    {"Multidisciplinary functional restoration program evaluation for chronic pain of the neck, the low back and both upper extremities", "30-32"},
    {"Chiropractic manipulation with myofascial release for the cervical, thoracic and lumbar spine, two times a week for six weeks", "58-59"},
    {"Left knee arthroscopy with partial medial and lateral meniscectomy, chondroplasty and removal of loose bodies, as an outpatient", "344-345"},
    {"Bilateral L4-L5 and L5-S1 medial branch blocks under fluoroscopic guidance, followed by radiofrequency ablation if positive", "300-301"}};

  /**
   * An item longer than a heading line: a compound cream of three to five ingredients (half of
   * them; one in five of these with directions and a date of service, over three lines, and a
   * quarter of the rest with a date of service), a request with a date of service (a quarter), or a
   * procedure naming several sites or steps (a quarter).
   */
  private GeneratedLetter.Item longItem() {
    boolean upheld = random.nextInt(100) < 89;
    int kind = random.nextInt(4);
    if (kind < 2) {
      List<DrugEntry> pool = new ArrayList<>(compoundIngredients);
      List<DrugEntry> chosen = new ArrayList<>();
      List<String> parts = new ArrayList<>();
      // one in five says where and how often it is applied, and when it was dispensed: three lines
      boolean directions = random.nextInt(5) == 0;
      int want = directions ? 5 : 3 + random.nextInt(3);
      int style = random.nextInt(3);
      String vehicle = VEHICLES[random.nextInt(VEHICLES.length)];
      String article = vehicle.startsWith("o") ? "an " : "a ";
      int grams = new int[] {120, 180, 240, 300}[random.nextInt(4)];
      boolean dated = directions || random.nextInt(4) == 0;
      while (chosen.size() < want) {
        DrugEntry e = pool.remove(random.nextInt(pool.size()));
        String[] row = row(e.generic());
        chosen.add(e);
        parts.add((style == 2 ? e.generic() : capitalize(e.generic())) + " " + row[1 + random.nextInt(row.length - 1)] + "%");
      }
      String last = parts.getLast();
      String others = String.join(", ", parts.subList(0, parts.size() - 1));
      String item = switch (style) {
        case 0 -> others + " and " + last + " in " + article + vehicle + ", " + grams + " grams";
        case 1 -> String.join("/", parts) + " " + vehicle + " " + grams + "gm";
        default -> "Compounded " + vehicle + " of " + others + " and " + last + ", " + grams + " g, applied twice daily";
      };
      String applied = ", to be applied to " + BODY_PARTS[random.nextInt(BODY_PARTS.length)]
          + " two to three times a day as needed for pain";
      if (directions) {
        item += applied;
      }
      // a cream short enough for one line says when it was dispensed, and if need be how it is used
      if (dated || fitsALine(item)) {
        item += random.nextBoolean() ? " (DOS " + serviceDate() + ")" : ", date of service " + serviceDate();
      }
      if (fitsALine(item)) {
        item += applied;
      }
      String generic = String.join("/", chosen.stream().map(DrugEntry::generic).toList());
      return new GeneratedLetter.Item(item, null, null, upheld, generic, "compound", pages("111-113"));
    }
    if (kind == 2) {
      String[] device = DEVICES[random.nextInt(DEVICES.length)];
      String item = random.nextBoolean()
          ? "Retrospective request: " + device[0] + " (date of service " + serviceDate() + ")"
          : device[0] + ", provided on " + serviceDate() + " (retrospective)";
      return new GeneratedLetter.Item(item, null, null, upheld, null, null, pages(device[1]));
    }
    String[] procedure = PROCEDURES[random.nextInt(PROCEDURES.length)];
    return new GeneratedLetter.Item(procedure[0], null, null, upheld, null, null, pages(procedure[1]));
  }

  /** True when "item: Overturned" fits on one line, so the heading would not wrap. */
  private static boolean fitsALine(String item) {
    return item.length() + ": Overturned".length() <= WRAP;
  }

  private static String[] row(String generic) {
    for (String[] r : COMPOUND_INGREDIENTS) {
      if (r[0].equals(generic)) {
        return r;
      }
    }
    throw new IllegalArgumentException(generic);
  }

  private String serviceDate() {
    return String.format(Locale.ROOT, "%02d/%02d/20%02d", 1 + random.nextInt(12), 1 + random.nextInt(28), 14 + random.nextInt(5));
  }

  private static List<Integer> pages(String range) {
    List<Integer> out = new ArrayList<>();
    if (range.isEmpty()) {
      return out;
    }
    String[] p = range.split("-");
    int lo = Integer.parseInt(p[0]);
    int hi = p.length > 1 ? Integer.parseInt(p[1]) : lo;
    for (int i = lo; i <= hi; i++) {
      out.add(i);
    }
    return out;
  }

  // ---- letter parts --------------------------------------------------------------------------

  private record Body(int year, List<GeneratedLetter.Item> items) {}

  private static final String[] SPECIALTIES = {
    "Anesthesiology", "Physical Medicine & Rehabilitation", "Family Practice", "Internal Medicine",
    "Orthopedic Surgery", "Neurology", "Occupational Medicine", "Psychiatry", "Emergency Medicine"};
  private static final String[] STATES = {
    "California", "Nevada", "Arizona", "Texas", "New York", "Florida", "Ohio", "Oregon", "Washington", "Illinois"};
  private static final String[] OPENERS = {
    "The injured worker is a %d-year-old %s who sustained an industrial injury on %s.",
    "The patient is a %d year old %s who reported an injury on %s.",
    "This %d-year-old %s was injured at work on %s."};
  private static final String[] CLINICAL = {
    "Diagnoses include lumbar radiculopathy, cervical strain and chronic pain syndrome.",
    "The treating physician documents ongoing low back pain rated 6/10 with radiation to the left leg.",
    "Physical examination revealed tenderness to palpation and decreased range of motion.",
    "Treatment to date has included medications, physical therapy and injections.",
    "There is no documentation of objective functional improvement with the current regimen.",
    "A progress report notes increased pain with activity and difficulty sleeping.",
    "The injured worker remains off work and reports depression related to chronic pain."};
  private static final String[] UPHELD_WHY = {
    "The records do not document the 4 A's of ongoing management or objective functional improvement.",
    "Guidelines do not support long-term use, and the records show use well beyond the recommended period.",
    "There is no documentation of a failed trial of first-line treatment.",
    "The request exceeds the number of visits the guidelines allow without documented benefit."};
  private static final String[] OVERTURNED_WHY = {
    "The records document decreased pain and improved function with this treatment.",
    "The guideline criteria are met, including a documented failed trial of conservative care.",
    "Functional improvement is documented and there are no adverse effects."};

  private static final String[] PARTIAL_UPHELD_WHY = {
    "What utilization review already approved is the trial the guidelines allow; more is supported only once that trial shows objective gains.",
    "The approved part covers the period before a reassessment, and the records give no reason to go beyond it now.",
    "The guidelines favour a tapering supply, which the approved part provides."};
  private static final String[] PARTIAL_OVERTURNED_WHY = {
    "The approved part has already shown measurable gains, and the remainder stays within the guideline's total."};

  private String opener(int year) {
    int age = 25 + random.nextInt(45);
    String sex = random.nextBoolean() ? "male" : "female";
    String date = String.format(Locale.ROOT, "%02d/%02d/20%02d", 1 + random.nextInt(12), 1 + random.nextInt(28), year - 2 - random.nextInt(5));
    return String.format(Locale.ROOT, OPENERS[random.nextInt(OPENERS.length)], age, sex, date);
  }

  private String summary(Body b) {
    StringBuilder sb = new StringBuilder(opener(b.year()));
    int k = 2 + random.nextInt(4);
    for (int i = 0; i < k; i++) {
      sb.append(' ').append(CLINICAL[random.nextInt(CLINICAL.length)]);
    }
    if (realSize) {
      // a sentence is about 100 characters: stop within half a sentence of the length drawn
      int target = fromDeciles(SUMMARY_DECILES) - 50;
      while (sb.length() < target) {
        sb.append(' ').append(history(b.year()));
      }
    }
    return sb.toString();
  }

  // ---- real-size letters: the generator's own sentences, drawn until a length from the real letters ----

  /** The number of decisions of a real-size letter, drawn from {@link #DECISIONS_PER_LETTER}. */
  private int decisionCount() {
    int total = 0;
    for (int[] row : DECISIONS_PER_LETTER) {
      total += row[1];
    }
    int r = random.nextInt(total);
    for (int[] row : DECISIONS_PER_LETTER) {
      r -= row[1];
      if (r < 0) {
        return row[0];
      }
    }
    throw new AssertionError();
  }

  /** A length drawn from a table of deciles, uniformly between the two deciles it falls between. */
  private int fromDeciles(int[] deciles) {
    int d = random.nextInt(10);
    return deciles[d] + random.nextInt(deciles[d + 1] - deciles[d] + 1);
  }

  private static final String[] REGIONS = {
    "low back", "neck", "right shoulder", "left shoulder", "right knee", "left knee", "mid back", "right wrist",
    "left elbow", "right hip", "both hands", "left ankle"};
  private static final String[] FINDINGS = {
    "spasm of the paraspinal muscles", "a guarded gait", "reduced grip strength on the right", "pain at the end of motion",
    "a positive impingement sign", "normal reflexes and sensation", "crepitus with flexion", "swelling over the joint line",
    "tenderness over the facet joints", "a limited range of motion in all planes"};
  private static final String[] ACTIVITIES = {
    "lifting", "prolonged sitting", "standing for more than an hour", "reaching overhead", "climbing stairs",
    "driving", "bending", "walking long distances"};
  private static final String[] IMAGING = {
    "mild degenerative change", "a small disc bulge without nerve root contact", "no acute abnormality",
    "narrowing of the joint space", "a partial thickness tear", "postoperative change and no new finding"};
  private static final String[] WORK = {
    "temporarily totally disabled", "on modified duty with a lifting limit", "working full duty", "retired since the injury",
    "off work pending the next visit"};
  private static final String[] HISTORY = {
    "At the visit of %1$s, the injured worker described %3$s pain of %4$d/10 that worsened with %5$s.",
    "The examination of %1$s found %6$s in the %2$s.",
    "Imaging of the %2$s obtained on %1$s was read as showing %7$s.",
    "The progress note of %1$s records the work status as %8$s.",
    "Pain in the %2$s was %4$d/10 at rest and rose to %9$d/10 after %5$s, according to the note of %1$s.",
    "Sleep was reported as disturbed by pain, with about %10$d hours a night.",
    "A request for authorization was submitted on %1$s, and utilization review denied it shortly after.",
    "Earlier care for the %2$s consisted of rest, activity change and home exercise, with partial relief.",
    "The treating provider recommended continuing the current plan and a follow-up visit in %10$d weeks.",
    "On %1$s, the %2$s showed %6$s, and the injured worker was %8$s.",
    "The injured worker reports that %5$s and %11$s remain the hardest tasks of the day.",
    "There is no history of surgery to the %2$s, and no new injury was reported."};

  /** One sentence of a case summary's history, its dates in the years before the letter. */
  private String history(int year) {
    String date = String.format(Locale.ROOT, "%02d/%02d/20%02d", 1 + random.nextInt(12), 1 + random.nextInt(28), year - 1);
    int pain = 3 + random.nextInt(6);
    int activity = random.nextInt(ACTIVITIES.length);
    String other = ACTIVITIES[(activity + 1 + random.nextInt(ACTIVITIES.length - 1)) % ACTIVITIES.length];
    return String.format(Locale.ROOT, HISTORY[random.nextInt(HISTORY.length)], date, REGIONS[random.nextInt(REGIONS.length)],
        random.nextBoolean() ? "constant" : "intermittent", pain, ACTIVITIES[activity],
        FINDINGS[random.nextInt(FINDINGS.length)], IMAGING[random.nextInt(IMAGING.length)], WORK[random.nextInt(WORK.length)],
        Math.min(10, pain + 1 + random.nextInt(3)), 2 + random.nextInt(5), other);
  }

  private static final String[] AGAINST = {
    "The notes submitted for this review cover %1$d months of visits and describe the same complaints at each of them.",
    "Pain scores stayed between %2$d/10 and %3$d/10 over that time, with no change in what the injured worker could do.",
    "The file does not say how the injured worker responded to the earlier course of this treatment.",
    "No examination finding ties the request to a specific goal, such as a return to work or a longer walking distance.",
    "The reviewer looks for a measured gain before a treatment is continued, and none is recorded here.",
    "The request does not say how long the treatment would last or when its effect would be checked.",
    "Simpler measures, such as a home exercise program, have not been tried for long enough to judge them.",
    "Nothing in the records sets this case apart from the usual course the guidance describes.",
    "The treating provider's notes repeat the plan from visit to visit without recording the response to it.",
    "There is no record of a discussion of risks, goals and an end point for this treatment."};
  private static final String[] FOR = {
    "The notes submitted for this review cover %1$d months of visits and record steady progress.",
    "Pain fell from %3$d/10 to %2$d/10 over that time, and the injured worker returned to several daily tasks.",
    "The treating provider set a clear goal and a date to measure it, as the guidance asks.",
    "Earlier, simpler measures were tried for several months without lasting relief.",
    "The examination findings match the complaint, and the request addresses them directly.",
    "The records note no side effects and no sign of misuse."};

  /**
   * Sentences of a real-size rationale, added until the rationale (with its last sentence, {@code
   * end}) reaches a length drawn from the real letters; in a letter of more than five decisions, 5/n
   * of it (the real ones share their reasoning between items: 15 decisions in 11.5 KB).
   */
  private void lengthen(StringBuilder why, boolean upheld, int end, int decisions) {
    int target = fromDeciles(RATIONALE_DECILES) * Math.min(5, decisions) / decisions - end - 50;
    String[] pool = upheld ? AGAINST : FOR;
    while (why.length() < target) {
      int low = 2 + random.nextInt(4);
      why.append(' ').append(String.format(Locale.ROOT, pool[random.nextInt(pool.length)], 2 + random.nextInt(10), low, low + 2 + random.nextInt(4)));
    }
  }

  /**
   * The header block of a real-size cover letter, in the real letters' arrangement of their form's
   * labels, one space after each label instead of two in {@value #SINGLE_SPACED_HEADER_PER_MILLE}‰.
   */
  private String realHeader(int year, String caseNumber) {
    String gap = random.nextInt(1000) < SINGLE_SPACED_HEADER_PER_MILLE ? " " : "  ";
    return "Case Number: " + caseNumber + "  \n"
        + "Date Assigned: " + date(year, 1) + " Date of Injury:" + gap + date(year - 1 - random.nextInt(4), 1 + random.nextInt(12)) + " \n"
        + "Decision Date: " + date(year, 2) + " UR Denial Date:" + gap + date(year - 1, 11) + " \n"
        + "Priority:" + gap + "Standard Application \n"
        + "Received:  \n"
        + date(year - 1, 12) + " \n";
  }

  private String rationale(GeneratedLetter.Item it, int decisions) {
    String[] reasons = it.originalRequest() == null
        ? (it.upheld() ? UPHELD_WHY : OVERTURNED_WHY)
        : (it.upheld() ? PARTIAL_UPHELD_WHY : PARTIAL_OVERTURNED_WHY);
    String why = reasons[random.nextInt(reasons.length)];
    String end = it.upheld() ? "Therefore, the request is not medically necessary." : "Therefore, the request is medically necessary.";
    StringBuilder sb = new StringBuilder("The California MTUS guidelines address this request. ").append(why);
    if (realSize) {
      lengthen(sb, it.upheld(), end.length() + 1, decisions);
    }
    return sb.append(' ').append(end).toString();
  }

  private String citation(GeneratedLetter.Item it) {
    if (it.mtusPages().isEmpty()) {
      return "MTUS Acupuncture Medical Treatment Guidelines";
    }
    int lo = it.mtusPages().get(0);
    int hi = it.mtusPages().get(it.mtusPages().size() - 1);
    String pages = lo == hi ? String.valueOf(lo) : lo + "-" + hi;
    String topic = it.generic() != null ? "MTUS Chronic Pain Treatment Guidelines" : "MTUS Guidelines";
    return topic + " Page(s): " + pages + ".";
  }

  private static final String[] ODG_CHAPTERS = {"Pain", "Low Back", "Neck and Upper Back", "Knee & Leg", "Shoulder", "Mental Illness & Stress"};

  /**
   * The claims administrator's second citation in a real-size letter, the Official Disability
   * Guidelines (ODG) in a third of them (91 of the 294 real ones); nothing in a compact letter.
   */
  private String odg() {
    if (!realSize || random.nextInt(3) > 0) {
      return "";
    }
    return " Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), "
        + ODG_CHAPTERS[random.nextInt(ODG_CHAPTERS.length)] + " Chapter.";
  }

  private static final String[] SECTIONS = {
    "Introduction", "General Approaches", "Initial Approaches to Treatment", "Chronic pain programs", "Medications for chronic pain"};

  /** The section the claims administrator names in a real-size letter (", Section(s): …"); nothing in a compact one. */
  private String section() {
    return realSize ? ", Section(s): " + SECTIONS[random.nextInt(SECTIONS.length)] : "";
  }

  /** What a real-size letter says of how the reviewer was chosen, in the generator's words. */
  private static final String PRACTICE = "The reviewer has treated patients for more than five years and still practises at least "
      + "24 hours a week. The reviewer was chosen for training and experience in a specialty that evaluates or treats the "
      + "condition and the items in dispute, and knows the laws and rules that govern Independent Medical Review, including "
      + "the order in which kinds of medical evidence are weighed. Neither the reviewer nor the reviewer's practice has any "
      + "stake in how this review comes out.";

  private String credentialsProse() {
    String spec = SPECIALTIES[random.nextInt(SPECIALTIES.length)];
    String s1 = STATES[random.nextInt(STATES.length)];
    String s2 = STATES[random.nextInt(STATES.length)];
    String states = s1.equals(s2) ? s1 : s1 + " and " + s2;
    return "The physician reviewer is Board Certified in " + spec + " and is licensed to practice in " + states + ".";
  }

  private String credentialsLines() {
    return "The Expert Reviewer has the following credentials:\n"
        + "State(s) of Licensure: " + STATES[random.nextInt(STATES.length)] + "\n"
        + "Certification(s)/Specialty: " + SPECIALTIES[random.nextInt(SPECIALTIES.length)];
  }

  private String standard(Body b, String caseNumber) {
    StringBuilder sb = new StringBuilder();
    if (caseNumber != null && realSize) {
      sb.append(realHeader(b.year(), caseNumber));
    } else if (caseNumber != null) {
      sb.append("IMR Case Number: ").append(caseNumber).append('\n')
          .append("Date Assigned: ").append(date(b.year(), 1)).append('\n')
          .append("Date of IMR Decision: ").append(date(b.year(), 2)).append('\n')
          .append("Priority: Standard\n")
          .append("Dated: ").append(date(b.year(), 2)).append("\n\f\n");
    }
    sb.append("HOW THE IMR FINAL DETERMINATION WAS MADE\n");
    sb.append(wrap("MAXIMUS Federal Services sent the complete case file to an expert reviewer. He/she has no "
        + "affiliation with the employer, employee, providers or the claims administrator."
        + (realSize ? " " + PRACTICE : "")
        + (random.nextBoolean() ? " " + credentialsProse() : ""))).append('\n');
    if (sb.indexOf("Board Certified") < 0) {
      sb.append(credentialsLines()).append('\n');
    }
    sb.append("CLINICAL CASE SUMMARY\n");
    sb.append(wrap("The expert reviewer developed the following clinical case summary based on a review of the "
        + "case file, including all medical records:")).append('\n');
    sb.append(wrap(summary(b))).append('\n');
    sb.append("IMR ISSUES, DECISIONS AND RATIONALES\n");
    sb.append(wrap("The Final Determination was based on decisions for the disputed items/services set forth below:")).append('\n');
    for (GeneratedLetter.Item it : b.items()) {
      sb.append(heading(it)).append('\n');
      sb.append(wrap("Claims Administrator guideline: Decision based on MTUS Chronic Pain Treatment Guidelines" + section() + "." + odg())).append('\n');
      sb.append(wrap("MAXIMUS guideline: Decision based on " + citation(it))).append('\n');
      sb.append(wrap("Decision rationale: " + rationale(it, b.items().size()))).append('\n');
    }
    return sb.toString();
  }

  /**
   * An item's heading, "item: Upheld", wrapped as a PDF's text is; a partly authorised request's
   * heading is its sentences. The outcome word stays on the colon's line (even past the wrap width)
   * unless it is put on a line of its own ({@value #OWN_LINE_PER_MILLE}‰).
   */
  private String heading(GeneratedLetter.Item it) {
    String head;
    if (it.originalRequest() == null) {
      head = it.item();
    } else if (it.item().equals(it.originalRequest())) {
      head = it.originalRequest() + " was the original request. The Claims Administrator authorized "
          + it.authorizedByClaimsAdministrator() + ", leaving the original request IMR eligible. The original request, "
          + it.item() + " is";
    } else {
      head = it.originalRequest() + " was the original request. " + it.authorizedByClaimsAdministrator()
          + " was authorized by the Claims Administrator. The remaining IMR eligible portion of the original request, "
          + it.item() + (random.nextInt(1000) < NO_IS_PER_MILLE ? "" : " is");
    }
    String outcome = it.upheld() ? "Upheld" : "Overturned";
    String lines = wrap(head + ":");
    return random.nextInt(1000) < OWN_LINE_PER_MILLE ? lines + " \n" + outcome : lines + " " + outcome;
  }

  private String documentsReviewed(Body b, String caseNumber) {
    StringBuilder sb = new StringBuilder("MAXIMUS FEDERAL SERVICES, INC.\nIndependent Medical Review\n");
    sb.append("Case Number: ").append(caseNumber).append('\n');
    sb.append("HOW THE IMR FINAL DETERMINATION WAS MADE\n").append(wrap(credentialsProse() + (realSize ? " " + PRACTICE : ""))).append('\n');
    sb.append("DOCUMENTS REVIEWED\n").append(wrap("Utilization review determination; progress reports from the treating physician.")).append('\n');
    sb.append("CLINICAL CASE SUMMARY\n").append(wrap(summary(b))).append('\n');
    sb.append("IMR DECISION(S) AND RATIONALE(S)\n");
    int n = 1;
    for (GeneratedLetter.Item it : b.items()) {
      String verdict = it.upheld() ? " is not medically necessary and appropriate." : " is medically necessary and appropriate.";
      sb.append(wrap(n++ + ". " + it.item() + verdict)).append('\n');
      sb.append(wrap("Guideline(s) relied upon: " + citation(it))).append('\n');
      sb.append(wrap("Rationale: " + rationale(it, b.items().size()))).append('\n');
    }
    return sb.toString();
  }

  private String professionalReview(Body b, String caseNumber) {
    StringBuilder sb = new StringBuilder("MEDICAL PROFESSIONAL REVIEW\n");
    sb.append("IMR Case Number: ").append(caseNumber).append('\n');
    sb.append("ISSUE AT DISPUTE:\n");
    boolean numbered = b.items().size() > 1;
    for (int i = 0; i < b.items().size(); i++) {
      sb.append(numbered ? (i + 1) + ". " : "").append(b.items().get(i).item()).append('\n');
    }
    sb.append("CASE SUMMARY:\n").append(wrap(summary(b))).append('\n');
    sb.append("DOCUMENTS REVIEWED FOR DETERMINATION:\n").append("Medical records and the utilization review.\n");
    sb.append("MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL\nREVIEWER AND WHY:\n");
    for (int i = 0; i < b.items().size(); i++) {
      sb.append(wrap((numbered ? (i + 1) + ". " : "") + citation(b.items().get(i)))).append('\n');
    }
    sb.append("RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT\nMEDICALLY NECESSARY:\n");
    for (int i = 0; i < b.items().size(); i++) {
      sb.append(wrap((numbered ? (i + 1) + ". " : "") + rationale(b.items().get(i), b.items().size()))).append('\n');
    }
    sb.append("MEDICAL REVIEWER QUALIFICATIONS:\n").append(wrap(credentialsProse() + (realSize ? " " + PRACTICE : ""))).append('\n');
    return sb.toString();
  }

  private String date(int year, int month) {
    return String.format(Locale.ROOT, "%02d/%02d/20%02d", month, 1 + random.nextInt(28), year);
  }

  /** Hard-wraps a paragraph as PDF text extraction does. */
  private static String wrap(String paragraph) {
    StringBuilder out = new StringBuilder();
    int col = 0;
    for (String word : paragraph.split(" ")) {
      if (col > 0 && col + 1 + word.length() > WRAP) {
        out.append(" \n");
        col = 0;
      } else if (col > 0) {
        out.append(' ');
        col++;
      }
      out.append(word);
      col += word.length();
    }
    return out.toString();
  }

  /** Blank lines between lines (as in the seeds), and page footers with a form feed every 45 lines. */
  private static String paginate(String text, String caseNumber) {
    String[] lines = text.split("\n", -1);
    int pages = Math.max(1, (lines.length + 44) / 45);
    StringBuilder sb = new StringBuilder(text.length() * 2);
    int page = 1;
    for (int i = 0; i < lines.length; i++) {
      sb.append(lines[i]).append("\n\n");
      if ((i + 1) % 45 == 0 && page < pages) {
        sb.append("Page ").append(page).append(" of ").append(pages).append("\n\f\n");
        if (caseNumber != null) {
          sb.append(caseNumber).append("\n\n");
        }
        page++;
      }
    }
    if (pages > 1) {
      sb.append("Page ").append(pages).append(" of ").append(pages).append('\n');
    }
    return sb.toString();
  }
}
