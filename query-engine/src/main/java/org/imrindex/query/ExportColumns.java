package org.imrindex.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imrindex.model.Decision;
import org.imrindex.model.DeterminationLetter;
import org.imrindex.model.Drug;
import org.imrindex.schema.FacetDimension;

/** One decision with its letter's fields, flat: the columns of {@code imr export} (CSV and JSONL alike). */
public final class ExportColumns {

  /** The column names, in order. */
  public static final List<String> NAMES = List.of(
      "letter_id", "case_number", "layout", "letter_date", "decision_date", "date_assigned", "ur_denial_date",
      "specialties", "subspecialties", "licensure_states", "patient_age", "patient_sex", "date_of_injury",
      "decision_no", "item", "outcome", "service_category", "drug_generic", "drug_brand", "drug_class",
      "drug_strength", "drug_quantity", "drug_refills", "drug_ingredients", "guideline_sources", "mtus_pages",
      "claims_administrator_guideline", "reviewer_guideline", "rationale", "source_path", "source_sha256",
      // added after the others, so a reader that takes columns by position still finds the older ones where they were
      "warnings", "guideline_documents", "guideline_topics", "decision_date_source");

  private ExportColumns() {}

  /**
   * The columns asked for ({@code --columns a,b,c}), in the order given, or all of them when none are
   * named; an unknown name is a usage error that lists the valid ones.
   */
  public static List<String> select(List<String> names) throws QuerySyntaxException {
    if (names == null || names.isEmpty()) {
      return NAMES;
    }
    List<String> out = new java.util.ArrayList<>();
    for (String raw : names) {
      String name = raw.strip().toLowerCase(java.util.Locale.ROOT);
      if (!NAMES.contains(name)) {
        throw new QuerySyntaxException("unknown column '" + raw.strip() + "'; columns are: " + String.join(", ", NAMES));
      }
      if (!out.contains(name)) {
        out.add(name);
      }
    }
    return List.copyOf(out);
  }

  /** The values of one decision; lists stay lists (CSV joins them with ";"). Absent values are null. */
  public static Map<String, Object> row(String letterId, DeterminationLetter l, int decisionNo) {
    Decision d = l.decisions().get(decisionNo);
    Drug drug = d.drug();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("letter_id", letterId);
    m.put("case_number", l.caseNumber());
    m.put("layout", str(l.layout()));
    m.put("letter_date", str(l.letterDate()));
    m.put("decision_date", str(l.decisionDate()));
    m.put("date_assigned", str(l.dateAssigned()));
    m.put("ur_denial_date", str(l.urDenialDate()));
    m.put("specialties", l.reviewer().specialties());
    m.put("subspecialties", l.reviewer().subspecialties());
    m.put("licensure_states", l.reviewer().licensureStates());
    m.put("patient_age", l.patient().age());
    m.put("patient_sex", str(l.patient().sex()));
    m.put("date_of_injury", str(l.patient().dateOfInjury()));
    m.put("decision_no", decisionNo);
    m.put("item", d.item());
    m.put("outcome", str(d.outcome()));
    m.put("service_category", str(d.serviceCategory()));
    m.put("drug_generic", drug == null ? null : drug.generic());
    m.put("drug_brand", drug == null ? null : drug.brand());
    m.put("drug_class", drug == null ? null : str(drug.drugClass()));
    m.put("drug_strength", drug == null ? null : drug.strength());
    m.put("drug_quantity", drug == null ? null : drug.quantity());
    m.put("drug_refills", drug == null ? null : drug.refills());
    m.put("drug_ingredients", drug == null ? List.of() : drug.ingredients());
    m.put("guideline_sources", d.guidelineSources().stream().map(Object::toString).toList());
    m.put("mtus_pages", d.mtusPages());
    m.put("claims_administrator_guideline", d.claimsAdministratorGuideline());
    m.put("reviewer_guideline", d.reviewerGuideline());
    m.put("rationale", d.rationale());
    m.put("source_path", l.source() == null ? null : l.source().path());
    m.put("source_sha256", l.source() == null ? null : l.source().sha256());
    m.put("warnings", l.warnings());
    // the facet values, so an export reloads to the counts of report --by guideline_document / guideline_topic
    m.put("guideline_documents", FacetDimension.GUIDELINE_DOCUMENT.values(l, d));
    m.put("guideline_topics", FacetDimension.GUIDELINE_TOPIC.values(l, d));
    m.put("decision_date_source", str(l.decisionDateSource()));
    return m;
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }
}
