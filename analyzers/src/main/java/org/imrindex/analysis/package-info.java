/**
 * Text analysis of the index: the medical-term chain ({@link org.imrindex.analysis.MedicalAnalyzer})
 * with its filters (hyphenation repair, dosage parts, keyword marking, concept synonyms) and the
 * vocabulary they use. {@link org.imrindex.analysis.Analyzers} is the one place that gives index and
 * query code their analyzers.
 */
package org.imrindex.analysis;
