package org.imrindex.query;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.imrindex.schema.FacetDimension;

/**
 * The decisions in some {@link FacetDimension#TEMPLATE_BAND} bands ({@code --filter template_band=…}):
 * read from the engine's computed values, never cached (the bands of a segment change as letters
 * are added to other segments).
 */
final class TemplateBandQuery extends Query {

  private final QueryIndex index;
  private final Set<Integer> bands;

  /** The decisions in any of {@code bands} (values of {@link FacetDimension#TEMPLATE_BANDS}). */
  TemplateBandQuery(QueryIndex index, List<String> bands) {
    this.index = index;
    this.bands = bands.stream().map(FacetDimension.TEMPLATE_BANDS::indexOf).filter(i -> i >= 0).collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
    return new ConstantScoreWeight(this, boost) {
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext leaf) throws IOException {
        SortedSetDocValues values = index.facetValues(leaf, FacetDimension.TEMPLATE_BAND);
        TwoPhaseIterator inBands = new TwoPhaseIterator(values) {
          @Override
          public boolean matches() throws IOException {
            return bands.contains((int) values.nextOrd());
          }

          @Override
          public float matchCost() {
            return 2;
          }
        };
        return new DefaultScorerSupplier(new ConstantScoreScorer(score(), scoreMode, inBands));
      }

      @Override
      public boolean isCacheable(LeafReaderContext leaf) {
        return false;
      }
    };
  }

  @Override
  public void visit(QueryVisitor visitor) {
    visitor.visitLeaf(this);
  }

  @Override
  public String toString(String field) {
    return FacetDimension.TEMPLATE_BAND.dim() + ":" + bands.stream().sorted().map(FacetDimension.TEMPLATE_BANDS::get).toList();
  }

  @Override
  public boolean equals(Object o) {
    return sameClassAs(o) && ((TemplateBandQuery) o).index == index && ((TemplateBandQuery) o).bands.equals(bands);
  }

  @Override
  public int hashCode() {
    return classHash() * 31 + bands.hashCode();
  }
}
