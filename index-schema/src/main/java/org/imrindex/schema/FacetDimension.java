package org.imrindex.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.imrindex.model.Decision;
import org.imrindex.model.DeterminationLetter;

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
  INJURY_YEAR(false, true),
  DECISION_YEAR(false, true),
  LAYOUT(false, true);

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

  /** True when the value belongs to the letter rather than to one decision. */
  public boolean letterLevel() {
    return letterLevel;
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
      case INJURY_YEAR -> add(out, l.patient().dateOfInjury() == null ? null : l.patient().dateOfInjury().getYear());
      case DECISION_YEAR -> add(out, decisionYear(l));
      case LAYOUT -> add(out, l.layout());
    }
    return out;
  }

  /** Date of the IMR decision, else of the letter, else null: what "decision date" means for facets and sorting. */
  static java.time.LocalDate decisionDate(DeterminationLetter l) {
    return l.decisionDate() != null ? l.decisionDate() : l.letterDate();
  }

  /** Year of {@link #decisionDate}, or null. */
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
