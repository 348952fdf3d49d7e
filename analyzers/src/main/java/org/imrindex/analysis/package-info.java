/**
 * Text analysis of the index: the analyzers each kind of text field gets. For now Lucene's
 * StandardAnalyzer; the medical-term analyzers (synonyms from the drug lexicon, abbreviations,
 * dosage tokens, hyphenation repair) replace it here, and nowhere else.
 */
package org.imrindex.analysis;
