package org.imrindex.parse;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imrindex.model.GuidelineCitation;
import org.imrindex.model.GuidelineSource;

/** Reads a guideline citation: which guideline families it names and which MTUS pages it cites. */
final class CitationParser {

  // the patterns are lowercase and matched against the lowercased citation: cheaper than (?i)
  /** MTUS by name; a bare "MTUS" counts unless "Non-" or "outside (of) the" stands before it. */
  private static final Pattern MTUS = Pattern.compile(
      "\\b(mtus)\\b|medical treatment utilization schedule|chronic pain (?:medical )?treatment guidelines?|\\bcpmtg\\b|"
          + "chronic pain medical treatment");
  private static final Pattern NOT_THE_MTUS = Pattern.compile("(?:\\bnon[- ]|\\boutside (?:of )?the )$");
  /**
   * ACOEM by name, or an ACOEM chapter the MTUS adopted, cited by its title and year ("MTUS Low Back
   * Complaints 2004", "Elbow Complaints 2007", "General Approaches 2004") or as "ACOEM Chapter 12".
   */
  private static final Pattern ACOEM = Pattern.compile("\\bacoem\\b|occupational medicine practice guidelines|"
      + "\\bcomplaints,?\\s+(?:19|20)\\d\\d\\b|\\bgeneral approaches,?\\s+(?:19|20)\\d\\d\\b");
  private static final Pattern ODG = Pattern.compile("\\bodg\\b|official disability guidelines?");
  private static final Pattern NON_MTUS = Pattern.compile("\\bnon[- ]?mtus\\b");
  private static final Pattern OTHER_SOURCE = Pattern.compile(
      "\\bfda\\b|\\baaos\\b|\\bama\\b|\\bnih\\b|\\bcdc\\b|food and drug administration|guide to the evaluation|"
          + "\\bjournal\\b|\\bet al\\b|medicare|cochrane|uptodate|up-to-date|work loss data institute|"
          + "\\b(?:19|20)\\d{2};\\s*\\d+|national guideline clearinghouse|medical disability advisor|\\bdrugs\\.com\\b|epocrates|"
          + "other medical treatment guidelines?|https?://|\\bwww\\.");
  private static final String NUM = "\\d{1,4}";
  private static final String RANGE = NUM + "(?:\\s*(?:-|to)\\s*" + NUM + ")?";
  /** Pages cited after a page label, as ranges and lists ("Page(s): 74-96", "pages 303, 305"); shared with GuidelineCitations. */
  static final Pattern PAGES = Pattern.compile(
      "(?i)\\b(?:page\\s*\\(s\\)|pages?|pgs?\\.?|pp\\.|p\\.)\\s*[:.\\s]*\\s*(" + RANGE + "(?:\\s*(?:,|and|&|;)\\s*" + RANGE + ")*)");
  private static final Pattern ONE = Pattern.compile("(" + NUM + ")(?:\\s*(?:-|to)\\s*(" + NUM + "))?");
  private static final int MAX_PAGE = 1000;
  private static final int MAX_RANGE = 120;
  /**
   * Mentions of the MTUS that say it was not what the reviewer used ("found that no section of the
   * MTUS was applicable", "which is not part of the MTUS"): they name no MTUS citation.
   */
  private static final Pattern MTUS_NOT_USED = Pattern.compile(
      "(?i)\\bno\\s+(?:section|part|portion|guideline)s?\\s+of\\s+the\\s+MTUS\\b|\\bMTUS\\s+(?:does|did)\\s+not\\s+(?:address|apply|cover)\\b"
          + "|\\bMTUS\\s+(?:is|was)\\s+silent\\b|\\bnot\\s+(?:part\\s+of|addressed\\s+(?:by|in)|found\\s+in|covered\\s+by)\\s+the\\s+MTUS\\b");
  /** A reviewer's citation that adopts the claims administrator's ("found the guidelines used by the Claims Administrator relevant"). */
  private static final Pattern ADOPTS_CLAIMS = Pattern.compile(
      "(?i)\\bguidelines?\\s*(?:\\(s\\))?\\s+(?:used|cited|relied\\s+upon|applied)\\s+by\\s+the\\s+claims\\s+administrator\\b");

  private CitationParser() {}

  /**
   * The citation the reviewer's guidelines and pages are read from: the reviewer's own, or the claims
   * administrator's when the reviewer's only says it adopted those and names no guideline itself.
   */
  static String reliedUpon(String reviewerGuideline, String claimsGuideline) {
    // a plain test first: the regex over every decision's citation cost a few percent of the parse
    if (reviewerGuideline != null && claimsGuideline != null
        && (reviewerGuideline.contains("dministrator") || reviewerGuideline.contains("DMINISTRATOR"))
        && ADOPTS_CLAIMS.matcher(reviewerGuideline).find() && sources(reviewerGuideline).isEmpty()) {
      return claimsGuideline;
    }
    return reviewerGuideline;
  }

  /** The citation without its mentions of the MTUS as not used; a plain test for a negation first, as that is rare. */
  private static String withoutMtusNotUsed(String citation) {
    String lower = citation.toLowerCase(Locale.ROOT);
    if (!lower.contains("no ") && !lower.contains("not ") && !lower.contains("silent")) {
      return citation;
    }
    return MTUS_NOT_USED.matcher(citation).replaceAll(" ");
  }

  /** Substrings one of which every match of OTHER_SOURCE contains: a plain test before the long alternation. */
  private static final String[] OTHER_HINTS = {"fda", "aaos", "ama", "nih", "cdc", "food and drug", "guide to the",
      "journal", "et al", "medicare", "cochrane", "uptodate", "up-to-date", "work loss", ";", "national guideline",
      "medical disability", "drugs.com", "epocrates", "other medical treatment", "http", "www."};

  static boolean mayNameOther(String lower) {
    for (String h : OTHER_HINTS) {
      if (lower.contains(h)) {
        return true;
      }
    }
    return false;
  }

  /** True when the lowercased text names a source other than the MTUS, ACOEM and ODG (a journal, a web site, the FDA…). */
  static boolean namesOther(String lower) {
    return mayNameOther(lower) && OTHER_SOURCE.matcher(lower).find();
  }

  /** True when the lowercased text names the MTUS, not as "Non-MTUS" or "outside of the MTUS". */
  private static boolean namesMtus(String lower) {
    // every match holds one of these: plain tests before the alternation
    if (!lower.contains("mtus") && !lower.contains("chronic pain") && !lower.contains("medical treatment utilization schedule")
        && !lower.contains("cpmtg")) {
      return false;
    }
    Matcher m = MTUS.matcher(lower);
    while (m.find()) {
      if (m.start(1) < 0) {
        return true; // a full name
      }
      Matcher before = NOT_THE_MTUS.matcher(lower).region(Math.max(0, m.start() - 16), m.start());
      if (!before.find()) {
        return true;
      }
    }
    return false;
  }

  /** True when the lowercased text names the ACOEM; plain tests for the words every match holds first. */
  private static boolean namesAcoem(String lower) {
    return (lower.contains("acoem") || lower.contains("complaints") || lower.contains("general approaches")
        || lower.contains("occupational medicine practice guidelines")) && ACOEM.matcher(lower).find();
  }

  /** True when the lowercased text names the ODG; plain tests first. */
  private static boolean namesOdg(String lower) {
    return (lower.contains("odg") || lower.contains("official disability guideline")) && ODG.matcher(lower).find();
  }

  /** The guideline families a citation names, in a fixed order (MTUS, ACOEM, ODG, other). */
  static List<GuidelineSource> sources(String citation) {
    if (citation == null) {
      return List.of();
    }
    String lower = withoutMtusNotUsed(citation).toLowerCase(Locale.ROOT);
    Set<GuidelineSource> found = EnumSet.noneOf(GuidelineSource.class);
    if (namesMtus(lower)) {
      found.add(GuidelineSource.MTUS);
    }
    if (namesAcoem(lower)) {
      found.add(GuidelineSource.ACOEM);
    }
    if (namesOdg(lower)) {
      found.add(GuidelineSource.ODG);
    }
    Matcher non = NON_MTUS.matcher(lower.contains("mtus") ? lower : ""); // "mtus" first, as a plain test
    if (mayNameOther(lower) && OTHER_SOURCE.matcher(lower).find()
        || (non.find() && !ODG.matcher(lower).region(non.end(), lower.length()).find()
            && !ACOEM.matcher(lower).region(non.end(), lower.length()).find())) {
      found.add(GuidelineSource.OTHER);
    }
    return List.copyOf(found);
  }

  /** The documents and sections the citation names (see {@link GuidelineCitations}), without its mentions of the MTUS as not used. */
  static List<GuidelineCitation> citations(String citation) {
    return citation == null ? List.of() : GuidelineCitations.standard().read(withoutMtusNotUsed(citation));
  }

  /**
   * MTUS pages cited, ranges expanded, sorted, distinct. Only the MTUS part counts: pages after a
   * "Non-MTUS" marker, or in a citation naming neither MTUS nor ACOEM, are not MTUS pages.
   */
  static List<Integer> mtusPages(String citation) {
    if (citation == null) {
      return List.of();
    }
    citation = withoutMtusNotUsed(citation);
    String mtusPart = citation;
    String lower = citation.toLowerCase(Locale.ROOT); // same length: the citation is ASCII or lowercases in place
    Matcher non = NON_MTUS.matcher(lower);
    if (non.find() && lower.length() == citation.length()) {
      mtusPart = citation.substring(0, non.start());
      lower = lower.substring(0, non.start());
    }
    if (!namesMtus(lower) && !namesAcoem(lower)) {
      return List.of();
    }
    TreeSet<Integer> pages = new TreeSet<>();
    Matcher m = PAGES.matcher(mtusPart);
    while (m.find()) {
      addPages(m.group(1), pages);
    }
    return new ArrayList<>(pages);
  }

  /** Adds the pages of a page list ("74-80 and 94") to {@code into}, ranges expanded; years and ids are not pages. */
  static void addPages(String list, Set<Integer> into) {
    Matcher one = ONE.matcher(list);
    while (one.find()) {
      int lo = Integer.parseInt(one.group(1));
      int hi = one.group(2) == null ? lo : Integer.parseInt(one.group(2));
      if (lo < 1 || hi > MAX_PAGE || hi < lo || hi - lo > MAX_RANGE) {
        continue; // a year or an id, not a page range
      }
      for (int p = lo; p <= hi; p++) {
        into.add(p);
      }
    }
  }
}
