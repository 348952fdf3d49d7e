package org.imrindex.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.imrindex.model.Decision;
import org.imrindex.model.DeterminationLetter;
import org.imrindex.model.GuidelineCitation;
import org.imrindex.model.GuidelineSource;
import org.imrindex.model.ReasonCode;

/**
 * The facet dimensions, defined once and shared by the index and query code. Every decision
 * document carries every dimension (letter-level ones copied), so any count can be given in
 * decisions; letter documents carry the letter-level ones, for counts of distinct letters.
 */
public enum FacetDimension {
  OUTCOME(false, false),
  DRUG(false, false),
  DRUG_CLASS(false, false),
  SERVICE_CATEGORY(false, false),
  SPECIALTY(true, true),
  LICENSURE_STATE(true, true),
  MTUS_PAGE(true, false),
  GUIDELINE_SOURCE(true, false),
  /**
   * Each document the reviewer cited, by family and short name: {@code MTUS Chronic Pain}, {@code MTUS Low
   * Back} (the ACOEM chapter in the MTUS), {@code ODG Shoulder}, {@code ACOEM Low Back Disorders}; another
   * source by its name ({@code UpToDate}); the family alone when the citation names no document.
   */
  GUIDELINE_DOCUMENT(true, false),
  /**
   * Each cited section with its document, {@code MTUS Chronic Pain: Physical medicine treatment}, {@code
   * ODG Shoulder: MRI}: one value per topic however the letters spell it (the parser's rules name it).
   */
  GUIDELINE_TOPIC(true, false),
  INJURY_YEAR(false, true),
  DECISION_YEAR(false, true),
  /** The month of the decision date (else the letter date), {@code 2016-12}: the grain of monthly reports. */
  DECISION_MONTH(false, true),
  /** The quarter of the decision date (else the letter date), {@code 2016-Q4}. */
  DECISION_QUARTER(false, true),
  LAYOUT(false, true),
  /**
   * Whether the parser could read the letter whole: {@code none} (no warnings) or {@code some} (a
   * decision kept its outcome but lost its item heading, say). {@code parse_warnings=none} leaves such
   * letters out of a count.
   */
  PARSE_WARNINGS(false, true),
  /**
   * Whether utilization review authorised part of the request before the IMR: {@code
   * partially_authorized} when the decision's heading says so ("X was the original request. Y was
   * authorized by the Claims Administrator"), else {@code none}.
   */
  UR_MODIFICATION(false, false),
  /**
   * Why the decision came out as it did, as the parser's rules read its rationale: each of its {@link
   * ReasonCode}s ({@code not_recommended}, {@code criteria_met}…), or {@code none} when no rule read
   * one, so that every decision is counted and can be filtered on.
   */
  REASON(true, false),
  /**
   * The decision's template share in bands of a quarter, {@code 0-25%} … {@code 75-100%}: the share of
   * its rationale's sentences that occur in many other letters (boilerplate). Not indexed: the counts of
   * other letters change as letters are added, so the engine computes it from the whole index at query
   * time ({@link #computed()}); a decision without a rationale has none.
   */
  TEMPLATE_BAND(false, false);

  /** The {@link #TEMPLATE_BAND} values, lowest share first. */
  public static final List<String> TEMPLATE_BANDS = List.of("0-25%", "25-50%", "50-75%", "75-100%");

  /** The {@link #PARSE_WARNINGS} value of a letter read whole. */
  public static final String NO_WARNINGS = "none";
  /** The {@link #PARSE_WARNINGS} value of a letter with warnings. */
  public static final String SOME_WARNINGS = "some";

  /** The {@link #UR_MODIFICATION} value of a decision on the request as the provider made it. */
  public static final String UR_NONE = "none";
  /** The {@link #UR_MODIFICATION} value of a decision on what remained of a partly authorised request. */
  public static final String UR_PARTIALLY_AUTHORIZED = "partially_authorized";

  /** The {@link #REASON} value of a decision no rule read a reason for. */
  public static final String NO_REASON = "none";

  private final boolean multiValued;
  private final boolean letterLevel;

  FacetDimension(boolean multiValued, boolean letterLevel) {
    this.multiValued = multiValued;
    this.letterLevel = letterLevel;
  }

  /** The dimension's name, e.g. {@code drug_class}. */
  public String dim() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when one document can hold several values (a reviewer's several states). */
  public boolean multiValued() {
    return multiValued;
  }

  /** True for years, quarters and months: values read in time order (charts draw them as a line). */
  public boolean isTime() {
    return switch (this) {
      case INJURY_YEAR, DECISION_YEAR, DECISION_QUARTER, DECISION_MONTH -> true;
      default -> false;
    };
  }

  /**
   * True when the values have an order of their own, time or the template bands' quarters: reports
   * list them in that order (which their names also sort in) unless asked otherwise.
   */
  public boolean ordered() {
    return isTime() || this == TEMPLATE_BAND;
  }

  /**
   * True for a dimension whose values depend on the whole index rather than on one letter: computed
   * at query time, not indexed ({@link #values} gives none), and found by reports and filters through
   * the engine, not in a doc-values field.
   */
  public boolean computed() {
    return this == TEMPLATE_BAND;
  }

  /** The {@link #TEMPLATE_BAND} value of a template share from 0 to 1: its quarter, the last one closed. */
  public static String templateBand(double share) {
    return TEMPLATE_BANDS.get(Math.min(TEMPLATE_BANDS.size() - 1, (int) Math.floor(share * TEMPLATE_BANDS.size())));
  }

  /** True when the value belongs to the letter rather than to one decision. */
  public boolean letterLevel() {
    return letterLevel;
  }

  /**
   * The values this dimension can take whatever the index holds, or an empty list when they are
   * open-ended (drugs, specialties…): a filter on one of them is valid even when no letter has it yet.
   */
  public List<String> fixedValues() {
    return switch (this) {
      case PARSE_WARNINGS -> List.of(NO_WARNINGS, SOME_WARNINGS);
      case UR_MODIFICATION -> List.of(UR_NONE, UR_PARTIALLY_AUTHORIZED);
      case REASON -> reasonValues();
      case TEMPLATE_BAND -> TEMPLATE_BANDS;
      default -> List.of();
    };
  }

  /** The dimension named {@code dim}, e.g. "drug_class". */
  public static FacetDimension of(String dim) {
    return valueOf(dim.trim().toUpperCase(Locale.ROOT));
  }

  /** The values of this dimension for a decision of a letter ({@code d} may be null for letter-level). */
  public List<String> values(DeterminationLetter l, Decision d) {
    List<String> out = new ArrayList<>();
    switch (this) {
      case OUTCOME -> add(out, d.outcome());
      case DRUG -> add(out, d.drug() == null ? null : d.drug().generic());
      case DRUG_CLASS -> add(out, d.drug() == null ? null : d.drug().drugClass());
      case SERVICE_CATEGORY -> add(out, d.serviceCategory());
      case SPECIALTY -> {
        l.reviewer().specialties().forEach(s -> add(out, s));
        l.reviewer().subspecialties().forEach(s -> add(out, s));
      }
      case LICENSURE_STATE -> l.reviewer().licensureStates().forEach(s -> add(out, s));
      case MTUS_PAGE -> d.mtusPages().forEach(p -> add(out, p));
      case GUIDELINE_SOURCE -> d.guidelineSources().forEach(s -> add(out, s));
      case GUIDELINE_DOCUMENT -> d.guidelineCitations().forEach(c -> add(out, guidelineDocument(c)));
      case GUIDELINE_TOPIC -> d.guidelineCitations().forEach(c -> add(out, guidelineTopic(c)));
      case INJURY_YEAR -> add(out, l.patient().dateOfInjury() == null ? null : l.patient().dateOfInjury().getYear());
      case DECISION_YEAR -> add(out, decisionYear(l));
      case DECISION_MONTH -> add(out, decisionMonth(l));
      case DECISION_QUARTER -> add(out, decisionQuarter(l));
      case LAYOUT -> add(out, l.layout());
      case PARSE_WARNINGS -> add(out, l.warnings().isEmpty() ? NO_WARNINGS : SOME_WARNINGS);
      case UR_MODIFICATION -> add(out, urModification(d));
      case REASON -> {
        d.reasons().forEach(r -> add(out, r.code()));
        if (out.isEmpty()) {
          out.add(NO_REASON);
        }
      }
      case TEMPLATE_BAND -> { } // computed at query time (see computed())
    }
    return out;
  }

  private static List<String> reasonValues() {
    List<String> out = new ArrayList<>();
    for (ReasonCode c : ReasonCode.values()) {
      out.add(c.toString());
    }
    out.add(NO_REASON);
    return List.copyOf(out);
  }

  /** The {@link #UR_MODIFICATION} value of a decision: partly authorised when its heading names the original request or what was authorised. */
  public static String urModification(Decision d) {
    return d.originalRequest() != null || d.authorizedByClaimsAdministrator() != null ? UR_PARTIALLY_AUTHORIZED : UR_NONE;
  }

  /** Endings a document's name loses in its facet value: "Chronic Pain Medical Treatment Guidelines" is "Chronic Pain". */
  private static final List<String> LONG_ENDINGS = List.of(" Medical Treatment Guidelines", " Treatment Guidelines", " Complaints");

  /** The {@link #GUIDELINE_DOCUMENT} value of a citation: family and short name, e.g. {@code MTUS Low Back}. */
  public static String guidelineDocument(GuidelineCitation c) {
    if (c.document() == null) {
      return c.source().toString();
    }
    if (c.source() == GuidelineSource.OTHER) {
      return c.document();
    }
    String name = c.document();
    for (String ending : LONG_ENDINGS) {
      if (name.endsWith(ending)) {
        name = name.substring(0, name.length() - ending.length());
        break;
      }
    }
    return c.source() + " " + name;
  }

  /** The {@link #GUIDELINE_TOPIC} value of a citation, {@code MTUS Low Back: Special Studies}, or null when it names no section. */
  public static String guidelineTopic(GuidelineCitation c) {
    return c.section() == null ? null : guidelineDocument(c) + ": " + c.section();
  }

  /**
   * Date of the IMR decision, else of the letter (the parser puts it in the record's decision date and
   * says so in {@code decisionDateSource}), else null: what "decision date" means for facets and sorting.
   */
  static java.time.LocalDate decisionDate(DeterminationLetter l) {
    return l.decisionDate();
  }

  /** Year of {@link #decisionDate}, or null. */
  /** The {@link #DECISION_MONTH} value of a letter, {@code 2016-12}, or null when it states no date. */
  static String decisionMonth(DeterminationLetter l) {
    java.time.LocalDate d = decisionDate(l);
    return d == null ? null : String.format(Locale.ROOT, "%04d-%02d", d.getYear(), d.getMonthValue());
  }

  /** The {@link #DECISION_QUARTER} value of a letter, {@code 2016-Q4}, or null when it states no date. */
  static String decisionQuarter(DeterminationLetter l) {
    java.time.LocalDate d = decisionDate(l);
    return d == null ? null : String.format(Locale.ROOT, "%04d-Q%d", d.getYear(), (d.getMonthValue() + 2) / 3);
  }

  static Integer decisionYear(DeterminationLetter l) {
    java.time.LocalDate d = decisionDate(l);
    return d == null ? null : d.getYear();
  }

  private static void add(List<String> out, Object v) {
    if (v != null && !out.contains(v.toString())) {
      out.add(v.toString());
    }
  }
}
