package org.imrindex.query;

import org.imrindex.schema.IndexField;

/**
 * What {@code imr terms} is asked.
 *
 * @param field the text field to read (rationale, summary, item, guideline)
 * @param query the decisions to contrast with the rest, or null with {@code compareOutcome}
 * @param exact match the query literally: no stemming, no synonyms
 * @param compareOutcome contrast overturned with upheld decisions instead
 * @param filters the universe: only decisions passing these are counted
 * @param limit terms to report on each side
 */
public record TermsRequest(IndexField field, String query, boolean exact, boolean compareOutcome, Filters filters, int limit) {}
