/**
 * Parsing step: file bytes to text (Apache Tika for PDF, HTML and DOCX), text cleaned of PDF
 * artefacts, sections found, and the fields of a {@link org.imrindex.model.DeterminationLetter}
 * read from them. Never imports Lucene. Entry point: {@link org.imrindex.parse.LetterParser}.
 */
package org.imrindex.parse;
