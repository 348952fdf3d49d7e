package org.imrindex.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.imrindex.lexicon.DrugEntry;
import org.imrindex.lexicon.DrugLexicon;

/**
 * Writes realistic synthetic determination letters, reproducibly from a seed, in all four layouts,
 * with PDF-style artefacts (hard line wraps, page footers, form feeds, odd spaces). About 9 in 10
 * items are upheld and 3 in 5 are drugs, as in the public corpus. Not thread-safe; one per thread.
 */
public final class LetterGenerator {

  private static final int WRAP = 96;

  private final SplittableRandom random;
  private final List<DrugEntry> drugs;
  private int serial;

  public LetterGenerator(long seed) {
    this.random = new SplittableRandom(seed);
    List<DrugEntry> usable = new ArrayList<>();
    for (DrugEntry e : DrugLexicon.standard().entries()) {
      if (e.drugClass() != org.imrindex.lexicon.DrugClass.COMPOUND && !e.generic().contains(" ")) {
        usable.add(e);
      }
    }
    this.drugs = List.copyOf(usable);
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
    int n = 1 + (random.nextInt(100) < 45 ? random.nextInt(4) : 0);
    for (int i = 0; i < n; i++) {
      items.add(item());
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

  private GeneratedLetter.Item item() {
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
      return new GeneratedLetter.Item(item, upheld, d.generic(), d.drugClass().toString(), pages);
    }
    String[] s = SERVICES[random.nextInt(SERVICES.length)];
    return new GeneratedLetter.Item(s[0], upheld, null, null, pages(s[2]));
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
    return sb.toString();
  }

  private String rationale(GeneratedLetter.Item it) {
    String why = it.upheld() ? UPHELD_WHY[random.nextInt(UPHELD_WHY.length)] : OVERTURNED_WHY[random.nextInt(OVERTURNED_WHY.length)];
    String end = it.upheld() ? "Therefore, the request is not medically necessary." : "Therefore, the request is medically necessary.";
    return "The California MTUS guidelines address this request. " + why + " " + end;
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
    if (caseNumber != null) {
      sb.append("IMR Case Number: ").append(caseNumber).append('\n')
          .append("Date Assigned: ").append(date(b.year(), 1)).append('\n')
          .append("Date of IMR Decision: ").append(date(b.year(), 2)).append('\n')
          .append("Priority: Standard\n")
          .append("Dated: ").append(date(b.year(), 2)).append("\n\f\n");
    }
    sb.append("HOW THE IMR FINAL DETERMINATION WAS MADE\n");
    sb.append(wrap("MAXIMUS Federal Services sent the complete case file to an expert reviewer. He/she has no "
        + "affiliation with the employer, employee, providers or the claims administrator."
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
      sb.append(it.item()).append(": ").append(it.upheld() ? "Upheld" : "Overturned").append('\n');
      sb.append(wrap("Claims Administrator guideline: Decision based on MTUS Chronic Pain Treatment Guidelines.")).append('\n');
      sb.append(wrap("MAXIMUS guideline: Decision based on " + citation(it))).append('\n');
      sb.append(wrap("Decision rationale: " + rationale(it))).append('\n');
    }
    return sb.toString();
  }

  private String documentsReviewed(Body b, String caseNumber) {
    StringBuilder sb = new StringBuilder("MAXIMUS FEDERAL SERVICES, INC.\nIndependent Medical Review\n");
    sb.append("Case Number: ").append(caseNumber).append('\n');
    sb.append("HOW THE IMR FINAL DETERMINATION WAS MADE\n").append(wrap(credentialsProse())).append('\n');
    sb.append("DOCUMENTS REVIEWED\n").append(wrap("Utilization review determination; progress reports from the treating physician.")).append('\n');
    sb.append("CLINICAL CASE SUMMARY\n").append(wrap(summary(b))).append('\n');
    sb.append("IMR DECISION(S) AND RATIONALE(S)\n");
    int n = 1;
    for (GeneratedLetter.Item it : b.items()) {
      String verdict = it.upheld() ? " is not medically necessary and appropriate." : " is medically necessary and appropriate.";
      sb.append(wrap(n++ + ". " + it.item() + verdict)).append('\n');
      sb.append(wrap("Guideline(s) relied upon: " + citation(it))).append('\n');
      sb.append(wrap("Rationale: " + rationale(it))).append('\n');
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
      sb.append(wrap((numbered ? (i + 1) + ". " : "") + rationale(b.items().get(i)))).append('\n');
    }
    sb.append("MEDICAL REVIEWER QUALIFICATIONS:\n").append(wrap(credentialsProse())).append('\n');
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
