package org.imrindex.cli;

import java.util.ArrayList;
import java.util.List;
import org.imrindex.query.Filters;
import org.imrindex.query.QuerySyntaxException;
import picocli.CommandLine.Option;

/** The {@code --filter} option of search, report, terms and export. */
final class FilterOptions {

  @Option(names = "--filter", paramLabel = "DIM=VALUE", completionCandidates = Dimensions.FilterKeys.class,
      description = "Keep decisions with this value (repeatable: values of one dimension OR, dimensions AND);"
          + " values in any case, a drug also by its brand (drug=Norco)."
          + " Ranges, either end open: injury_year, decision_year (2014..2016, 2015.., ..2014), age (40..60)"
          + " and decision_date, whose ends are days, months or years, each the whole period"
          + " (2016-01-01..2016-06-30, 2016-07.., ..2016-06-30; 2016-07..2016-09 is Jul 1 to Sep 30).")
  List<String> filters = new ArrayList<>();

  /** The filters as asked; the library checks dimensions and values against the index. */
  Filters filters() throws QuerySyntaxException {
    return Filters.parse(filters);
  }
}
