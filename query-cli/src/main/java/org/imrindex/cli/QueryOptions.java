package org.imrindex.cli;

import picocli.CommandLine.Option;

/** The {@code --query} option of report and export ({@code search} takes its query as a parameter). */
final class QueryOptions {

  @Option(names = "--query", paramLabel = "Q",
      description = "Lucene query syntax (terms AND-ed, a bare term searching each decision's item, rationale and citations; \"phrases\", \"a b\"~5, wild*, fuzzy~, OR, NOT, fields"
          + " item: rationale: guideline:, and the letter's summary: text:). Default: all decisions.")
  String query;
}
