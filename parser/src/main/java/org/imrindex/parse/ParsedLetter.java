package org.imrindex.parse;

import org.imrindex.model.DeterminationLetter;

/**
 * A parsed letter with its cleaned text (the whole letter, artefacts removed), for indexing.
 *
 * @param letter the structured record
 * @param text the cleaned lines of the letter joined by newlines
 */
public record ParsedLetter(DeterminationLetter letter, String text) {}
