package org.imrindex.parse;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imrindex.model.GuidelineSource;

/** Reads a guideline citation: which guideline families it names and which MTUS pages it cites. */
final class CitationParser {

  private static final Pattern MTUS = Pattern.compile(
      "(?i)(?<!non[- ])(?<!outside of the )(?<!outside the )\\bMTUS\\b|Medical Treatment Utilization Schedule|"
          + "Chronic Pain (?:Medical )?Treatment Guidelines?|\\bCPMTG\\b|Chronic Pain Medical Treatment");
  /**
   * ACOEM by name, or an ACOEM chapter the MTUS adopted, cited by its title and year ("MTUS Low Back
   * Complaints 2004", "Elbow Complaints 2007", "General Approaches 2004") or as "ACOEM Chapter 12".
   */
  private static final Pattern ACOEM = Pattern.compile("(?i)\\bACOEM\\b|Occupational Medicine Practice Guidelines|"
      + "\\bComplaints,?\\s+(?:19|20)\\d\\d\\b|\\bGeneral Approaches,?\\s+(?:19|20)\\d\\d\\b");
  private static final Pattern ODG = Pattern.compile("(?i)\\bODG\\b|Official Disability Guidelines?");
  private static final Pattern NON_MTUS = Pattern.compile("(?i)\\bnon[- ]?MTUS\\b");
  private static final Pattern OTHER_SOURCE = Pattern.compile(
      "(?i)\\bFDA\\b|\\bAAOS\\b|\\bAMA\\b|\\bNIH\\b|\\bCDC\\b|Food and Drug Administration|Guide to the Evaluation|"
          + "\\bjournal\\b|\\bet al\\b|Medicare|Cochrane|UpToDate|Up-To-Date|Work Loss Data Institute|"
          + "\\b(?:19|20)\\d{2};\\s*\\d+|National Guideline Clearinghouse|Medical Disability Advisor|\\bDrugs\\.com\\b|Epocrates|"
          + "Other Medical Treatment Guidelines?|https?://|\\bwww\\.");
  private static final String NUM = "\\d{1,4}";
  private static final String RANGE = NUM + "(?:\\s*(?:-|to)\\s*" + NUM + ")?";
  private static final Pattern PAGES = Pattern.compile(
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

  /** The guideline families a citation names, in a fixed order (MTUS, ACOEM, ODG, other). */
  static List<GuidelineSource> sources(String citation) {
    if (citation == null) {
      return List.of();
    }
    citation = withoutMtusNotUsed(citation);
    Set<GuidelineSource> found = EnumSet.noneOf(GuidelineSource.class);
    if (MTUS.matcher(citation).find()) {
      found.add(GuidelineSource.MTUS);
    }
    if (ACOEM.matcher(citation).find()) {
      found.add(GuidelineSource.ACOEM);
    }
    if (ODG.matcher(citation).find()) {
      found.add(GuidelineSource.ODG);
    }
    Matcher non = NON_MTUS.matcher(citation);
    if (OTHER_SOURCE.matcher(citation).find()
        || (non.find() && !ODG.matcher(citation.substring(non.end())).find()
            && !ACOEM.matcher(citation.substring(non.end())).find())) {
      found.add(GuidelineSource.OTHER);
    }
    return List.copyOf(found);
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
    Matcher non = NON_MTUS.matcher(citation);
    if (non.find()) {
      mtusPart = citation.substring(0, non.start());
    }
    if (!MTUS.matcher(mtusPart).find() && !ACOEM.matcher(mtusPart).find()) {
      return List.of();
    }
    TreeSet<Integer> pages = new TreeSet<>();
    Matcher m = PAGES.matcher(mtusPart);
    while (m.find()) {
      Matcher one = ONE.matcher(m.group(1));
      while (one.find()) {
        int lo = Integer.parseInt(one.group(1));
        int hi = one.group(2) == null ? lo : Integer.parseInt(one.group(2));
        if (lo < 1 || hi > MAX_PAGE || hi < lo || hi - lo > MAX_RANGE) {
          continue; // a year or an id, not a page range
        }
        for (int p = lo; p <= hi; p++) {
          pages.add(p);
        }
      }
    }
    return new ArrayList<>(pages);
  }
}
