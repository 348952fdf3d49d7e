package org.imrindex.analysis;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;

/**
 * The medical-term analysis chain, one definition for the index and the query side:
 * <ol>
 *   <li>{@link HyphenationRepairCharFilter}: words split by a PDF line-break hyphen are rejoined;
 *   <li>{@link StandardTokenizer}: Unicode word boundaries;
 *   <li>{@link EnglishPossessiveFilter} ("A's" gives a), lowercase, ASCII folding;
 *   <li>{@link DosageSplitFilter}: "325mg" gives 325 mg, so dosages match by their parts and as a phrase;
 *   <li>{@link SetKeywordMarkerFilter}: drug names and abbreviations are keywords, never stemmed;
 *   <li>{@link KStemFilter}: Krovetz stemming (inflections; validated against a dictionary, so it
 *       does not conflate "medical" with "medication" as Porter does);
 *   <li>query side only: {@link SynonymGraphFilter} over {@link MedicalVocabulary#synonyms()}, so a
 *       query for a class, a generic, a brand or an abbreviation also finds what it stands for.
 * </ol>
 * The keywords and synonyms come from a {@link MedicalVocabulary}: the bundled one unless another is given.
 * In {@link AnalysisMode#EXACT} the chain is hyphen repair, tokenizer, lowercase and dosage parts:
 * the letter's words as written.
 */
public final class MedicalAnalyzer extends Analyzer {

  private final AnalysisMode mode;
  private final MedicalVocabulary vocabulary;

  /** The chain for {@code mode} with the bundled vocabulary. */
  public MedicalAnalyzer(AnalysisMode mode) {
    this(mode, MedicalVocabulary.standard());
  }

  /** The chain for {@code mode} with the keywords and synonyms of {@code vocabulary}. */
  public MedicalAnalyzer(AnalysisMode mode, MedicalVocabulary vocabulary) {
    this.mode = mode;
    this.vocabulary = java.util.Objects.requireNonNull(vocabulary, "vocabulary");
  }

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return new HyphenationRepairCharFilter(reader);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new StandardTokenizer();
    TokenStream s = source;
    if (mode == AnalysisMode.EXACT) {
      s = new DosageSplitFilter(new LowerCaseFilter(s));
      return new TokenStreamComponents(source, s);
    }
    s = new EnglishPossessiveFilter(s);
    s = new ASCIIFoldingFilter(new LowerCaseFilter(s));
    s = new DosageSplitFilter(s);
    s = new SetKeywordMarkerFilter(s, vocabulary.keywords());
    s = new KStemFilter(s);
    if (mode == AnalysisMode.QUERY) {
      s = new SynonymGraphFilter(s, vocabulary.synonyms(), false);
    }
    return new TokenStreamComponents(source, s);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    TokenStream lower = new LowerCaseFilter(in);
    return mode == AnalysisMode.EXACT ? lower : new ASCIIFoldingFilter(lower);
  }
}
