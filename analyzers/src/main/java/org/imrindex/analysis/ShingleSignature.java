package org.imrindex.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.minhash.MinHashFilter;
import org.apache.lucene.analysis.shingle.FixedShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The near-duplicate analysis of a rationale: its words as written ({@link StandardTokenizer},
 * lowercase; no stemming, no synonyms), their {@value #SHINGLE_SIZE}-word shingles, and in
 * {@link Mode#SIGNATURE} a MinHash signature of the shingles ({@link MinHashFilter}: one hash,
 * {@value #BUCKETS} buckets, the smallest hash of each, no rotation). Each signature term is the
 * smallest hash of one bucket, and the bucket is the hash's top bits, so two rationales share a term
 * only in the same bucket: shared terms over the buckets either fills estimate the Jaccard similarity
 * of their shingle sets (one-permutation MinHash). A text shorter than a shingle has none. The README ("Near-duplicate rationales") says how the sizes were chosen.
 */
public final class ShingleSignature extends Analyzer {

  /** Words per shingle. */
  public static final int SHINGLE_SIZE = 3;
  /** MinHash buckets: the most terms a signature has. */
  public static final int BUCKETS = 128;

  /** What the chain puts out. */
  public enum Mode {
    /** The distinct word shingles (for the exact Jaccard similarity). */
    SHINGLES,
    /** The MinHash signature terms (indexed). */
    SIGNATURE
  }

  private final Mode mode;

  /** The chain for {@code mode}. */
  public ShingleSignature(Mode mode) {
    this.mode = java.util.Objects.requireNonNull(mode, "mode");
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new StandardTokenizer();
    // FixedShingleFilter, not ShingleFilter: the same shingles of one size at a third of the cost
    TokenStream shingles = new FixedShingleFilter(new LowerCaseFilter(source), SHINGLE_SIZE);
    TokenStream out = mode == Mode.SIGNATURE ? new MinHashFilter(shingles, 1, BUCKETS, 1, false) : shingles;
    return new TokenStreamComponents(source, out);
  }

  /** The distinct tokens this chain makes of {@code text} (shingles or signature terms), in order of first appearance. */
  public Set<String> tokens(String text) {
    Set<String> out = new LinkedHashSet<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    try (TokenStream ts = tokenStream("", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a String
    }
    return out;
  }

  /**
   * The bucket of a signature term: the top 32 bits of its hash (its first two chars) over the
   * bucket width, as {@link MinHashFilter} placed it.
   */
  public static int bucket(String signatureTerm) {
    long top = ((long) signatureTerm.charAt(0) << 16 | signatureTerm.charAt(1)) & 0xFFFFFFFFL;
    long width = (1L << 32) / BUCKETS + ((1L << 32) % BUCKETS == 0 ? 0 : 1);
    return (int) (top / width);
  }

  /**
   * The MinHash estimate of the Jaccard similarity of two texts from their signatures: terms both
   * have (each in its own bucket) over the buckets either has a term in; 0 when neither has any.
   */
  public static double estimate(Set<String> a, Set<String> b) {
    java.util.BitSet filled = new java.util.BitSet(BUCKETS);
    a.forEach(t -> filled.set(bucket(t)));
    b.forEach(t -> filled.set(bucket(t)));
    if (filled.isEmpty()) {
      return 0;
    }
    long shared = a.stream().filter(b::contains).count();
    return (double) shared / filled.cardinality();
  }

  /** The Jaccard similarity of two shingle sets: shared over all; 0 when both are empty. */
  public static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 0;
    }
    long shared = a.stream().filter(b::contains).count();
    return (double) shared / (a.size() + b.size() - shared);
  }
}
