package org.imrindex.chart;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.imrindex.query.Level;
import org.imrindex.query.QueryIndex;
import org.imrindex.query.QuerySyntaxException;
import org.imrindex.query.Report;
import org.imrindex.query.ReportRequest;
import org.imrindex.query.ReportSort;
import org.imrindex.query.Reporter;
import org.imrindex.query.SignificantTerms;
import org.imrindex.query.TermsRequest;
import org.imrindex.schema.FacetDimension;
import org.imrindex.schema.IndexField;

/** Builds an {@link Overview} from the engine's own reports and significant terms: its figures are theirs. */
public final class Overviewer {

  /** The dimensions of an overview, in page order; guideline_topic only when the index has it. */
  public static final List<FacetDimension> DIMENSIONS = List.of(FacetDimension.SERVICE_CATEGORY, FacetDimension.DRUG_CLASS,
      FacetDimension.SPECIALTY, FacetDimension.LICENSURE_STATE, FacetDimension.GUIDELINE_TOPIC);

  private final QueryIndex index;

  public Overviewer(QueryIndex index) {
    this.index = index;
  }

  public Overview run(Overview.Request r) throws IOException, QuerySyntaxException {
    Reporter reporter = new Reporter(index);
    List<ChartData> dims = new ArrayList<>();
    Report.Row total = null;
    for (FacetDimension d : DIMENSIONS) {
      if (d == FacetDimension.GUIDELINE_TOPIC && index.values(d).isEmpty()) {
        continue;
      }
      ChartData c = chart(reporter, d, Level.DECISION, r);
      total = c.total();
      dims.add(c);
    }
    ChartData trend = chart(reporter, FacetDimension.DECISION_MONTH, Level.DECISION, r);
    long letters = chart(reporter, FacetDimension.OUTCOME, Level.LETTER, r).total().n();
    var terms = new SignificantTerms(index).run(new TermsRequest(IndexField.RATIONALE, null, false, true, r.filters(), r.terms()));
    return new Overview(r, total == null ? trend.total() : total, letters, dims, trend, terms);
  }

  private static ChartData chart(Reporter reporter, FacetDimension d, Level level, Overview.Request r) throws IOException, QuerySyntaxException {
    ReportRequest asked = new ReportRequest(List.of(d), r.query(), r.exact(), r.filters(), level, r.minN(), ReportSort.N);
    return ChartData.of(reporter.run(ChartData.unhidden(asked)), r.minN());
  }
}
