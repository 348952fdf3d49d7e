package org.imrindex.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.imrindex.analysis.ShingleSignature;
import org.imrindex.model.Decision;
import org.imrindex.model.DeterminationLetter;
import org.imrindex.schema.IndexField;

/**
 * Finds the decisions of other letters whose rationale is nearly the same as a decision's: the
 * decisions sharing the most MinHash signature terms with it ({@link ShingleSignature}, indexed per
 * decision) are looked up in the index, each gets the MinHash estimate of the Jaccard similarity of
 * the two rationales' shingle sets, and those estimated at {@link SimilarRequest#minSimilarity()} or
 * more are listed, most similar first, each checked exactly: the Jaccard similarity of the shingle sets
 * of the two stored rationales.
 */
public final class SimilarRationales {

  /** Candidates read per decision: the decisions sharing the most signature terms. */
  static final int CANDIDATES = 200;

  private final QueryIndex index;

  public SimilarRationales(QueryIndex index) {
    this.index = index;
  }

  /** The letter's decisions and their near-duplicates, or null when no letter has that case number or id. */
  public SimilarResult run(SimilarRequest r) throws IOException, QuerySyntaxException {
    if (!(r.minSimilarity() > 0 && r.minSimilarity() <= 1)) {
      throw new QuerySyntaxException("--min-similarity takes a number above 0 and at most 1, got " + r.minSimilarity());
    }
    if (r.limit() < 1) {
      throw new QuerySyntaxException("--limit takes a number of decisions from 1, got " + r.limit());
    }
    QueryIndex.Resolved found = new LetterLookup(index).find(r.caseOrId());
    if (found == null) {
      return null;
    }
    DeterminationLetter l = found.letter();
    int n = l.decisions().size();
    List<Integer> asked = new ArrayList<>();
    if (r.decision() == null) {
      for (int i = 0; i < n; i++) {
        asked.add(i);
      }
    } else if (r.decision() < 1 || r.decision() > n) {
      throw new QuerySyntaxException(String.format(Locale.ROOT, "%s has %s; --decision %d is not one of them%s", name(found),
          n == 1 ? "1 decision" : n + " decisions", r.decision(), n == 1 ? " (leave it out, or give 1)" : " (give 1 to " + n + ")"));
    } else {
      asked.add(r.decision() - 1);
    }
    List<SimilarResult.Source> sources = new ArrayList<>();
    try (ShingleSignature signatures = new ShingleSignature(ShingleSignature.Mode.SIGNATURE);
        ShingleSignature shingles = new ShingleSignature(ShingleSignature.Mode.SHINGLES)) {
      for (int no : asked) {
        index.checkCancelled();
        sources.add(similar(found, no, r, signatures, shingles));
      }
    }
    return new SimilarResult(found.letterId(), l, sources);
  }

  private SimilarResult.Source similar(QueryIndex.Resolved from, int no, SimilarRequest r, ShingleSignature signatures,
      ShingleSignature shingles) throws IOException {
    Decision d = from.letter().decisions().get(no);
    Set<String> signature = signatures.tokens(d.rationale());
    List<SimilarResult.Match> matches = new ArrayList<>();
    if (signature.isEmpty()) {
      return new SimilarResult.Source(no, d, matches);
    }
    String field = IndexField.RATIONALE_SIGNATURE.fieldName();
    BooleanQuery.Builder anyTerm = new BooleanQuery.Builder();
    for (String t : signature) {
      anyTerm.add(new ConstantScoreQuery(new TermQuery(new Term(field, t))), BooleanClause.Occur.SHOULD);
    }
    BooleanQuery q = new BooleanQuery.Builder()
        .add(anyTerm.build(), BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term(IndexField.TYPE.fieldName(), IndexField.DECISION)), BooleanClause.Occur.FILTER)
        .add(new TermQuery(new Term(IndexField.LETTER_ID.fieldName(), from.letterId())), BooleanClause.Occur.MUST_NOT)
        .build();
    Set<String> own = shingles.tokens(d.rationale());
    for (ScoreDoc hit : index.searcher().search(q, CANDIDATES).scoreDocs) {
      QueryIndex.Resolved other = index.resolve(hit.doc);
      Decision c = other.decision();
      double estimate = ShingleSignature.estimate(signature, signatures.tokens(c.rationale()));
      if (estimate >= r.minSimilarity()) {
        matches.add(new SimilarResult.Match(other.letterId(), other.letter(), other.decisionNo(), estimate,
            ShingleSignature.jaccard(own, shingles.tokens(c.rationale()))));
      }
    }
    matches.sort(Comparator.comparingDouble(SimilarResult.Match::estimated).reversed()
        .thenComparing(Comparator.comparingDouble(SimilarResult.Match::exact).reversed())
        .thenComparing(SimilarResult.Match::letterId).thenComparingInt(SimilarResult.Match::decisionNo));
    return new SimilarResult.Source(no, d, matches.size() > r.limit() ? List.copyOf(matches.subList(0, r.limit())) : matches);
  }

  /** How messages name a letter: its case number, else "letter " and its id's first 12 characters. */
  static String name(QueryIndex.Resolved letter) {
    return letter.letter().caseNumber() != null ? letter.letter().caseNumber() : "letter " + letter.letterId().substring(0, Math.min(12, letter.letterId().length()));
  }
}
