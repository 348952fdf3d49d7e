package org.imrindex.query;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.join.BitSetProducer;
import org.apache.lucene.search.join.QueryBitSetProducer;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.imrindex.schema.FacetDimension;
import org.imrindex.schema.IndexField;
import org.apache.lucene.analysis.Analyzer;
import org.imrindex.analysis.AnalysisChain;
import org.imrindex.analysis.AnalysisMode;
import org.imrindex.analysis.MedicalVocabulary;
import org.imrindex.schema.IndexSchema;
import org.imrindex.schema.LetterDocuments;
import org.imrindex.model.Decision;
import org.imrindex.model.DeterminationLetter;
import org.imrindex.schema.NoIndexException;

/**
 * An index opened for queries (the last commit): searcher, facet state, parent filter. Thread-safe.
 * Opening one raises Lucene's JVM-wide clause limit to at least {@link #MAX_CLAUSES}.
 */
public final class QueryIndex implements AutoCloseable {

  /**
   * The clause limit queries need: a drug class expands to every spelling of its products in each
   * of five fields (opioid alone is about 620 clauses), so "opioid OR NSAID OR benzodiazepine" is
   * over Lucene's default of 1,024, both when the parser builds it and when it is searched.
   */
  public static final int MAX_CLAUSES = 1 << 14;

  private final Directory dir;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final FacetsConfig config = IndexSchema.facetsConfig();
  /** Built on first use, per dimension: each maps every segment's ordinals, which a report never needs. */
  private final java.util.concurrent.ConcurrentHashMap<FacetDimension, java.util.Optional<SortedSetDocValuesReaderState>> states =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final BitSetProducer letters;

  private final AnalysisChain analysis;
  private final java.util.function.Supplier<MedicalVocabulary> queryVocabulary;
  /**
   * Built on first use: the medical ones read the drug lexicon and the concepts, which a report
   * without --query, stats or show never needs (a cold start pays for that in class loading and the
   * interpreter). Guarded by {@link #analyzerLock}.
   */
  private Analyzer queryAnalyzer;
  private Analyzer indexAnalyzer;
  private Analyzer literalAnalyzer;
  private final Object analyzerLock = new Object();

  private QueryIndex(Directory dir, DirectoryReader reader, AnalysisChain analysis, java.util.function.Supplier<MedicalVocabulary> queryVocabulary)
      throws IOException {
    this.dir = dir;
    this.reader = reader;
    this.analysis = analysis;
    this.queryVocabulary = queryVocabulary;
    this.searcher = new IndexSearcher(reader);
    this.letters = new QueryBitSetProducer(new TermQuery(new Term(IndexField.TYPE.fieldName(), IndexField.LETTER)));
  }


  /** Opens the index at {@code index}, or says how to make one. */
  public static QueryIndex open(Path index) throws IOException {
    return open(index, MedicalVocabulary::standard);
  }

  /**
   * Opens the index at {@code index} with queries analyzed by {@code queryVocabulary} instead of the
   * bundled vocabulary: what a changed lexicon finds in an index built normally. Only the query side
   * changes; re-analysis of stored text (highlights, terms) stays as the index was built. The
   * vocabulary matters to the medical chain only.
   */
  public static QueryIndex open(Path index, MedicalVocabulary queryVocabulary) throws IOException {
    java.util.Objects.requireNonNull(queryVocabulary, "queryVocabulary");
    return open(index, () -> queryVocabulary);
  }

  private static QueryIndex open(Path index, java.util.function.Supplier<MedicalVocabulary> queryVocabulary) throws IOException {
    raiseClauseLimit();
    Directory dir = FSDirectory.open(index);
    if (!DirectoryReader.indexExists(dir)) {
      dir.close();
      throw new NoIndexException(index);
    }
    DirectoryReader reader = DirectoryReader.open(dir);
    try {
      IndexSchema.checkFormat(index, reader.getIndexCommit().getUserData());
      return new QueryIndex(dir, reader, IndexSchema.analysisOf(reader.getIndexCommit().getUserData()), queryVocabulary);
    } catch (IOException | RuntimeException e) {
      reader.close();
      dir.close();
      throw e;
    }
  }

  /**
   * Lucene keeps the limit in a static field (there is no per-searcher one), so it is raised here,
   * where the engine starts searching, and never lowered: another user in the JVM that needs more keeps it.
   */
  private static void raiseClauseLimit() {
    if (IndexSearcher.getMaxClauseCount() < MAX_CLAUSES) {
      IndexSearcher.setMaxClauseCount(MAX_CLAUSES);
    }
  }

  /** The time each search may take; see {@link #budget(Duration)}. */
  private volatile java.time.Duration budget = QueryLimits.DEFAULT_BUDGET;
  private volatile boolean cancelled;

  /**
   * Sets the time each search of this index may take before it is stopped ({@link #search}); zero
   * stops every search at once (tests of the message).
   */
  public void budget(java.time.Duration budget) {
    this.budget = java.util.Objects.requireNonNull(budget, "budget");
  }

  /**
   * Stops the searches and walks running on this index, and any started until {@link #clearCancel}:
   * they throw {@link QueryCancelledException}. Safe from any thread (a signal handler's).
   */
  public void cancel() {
    cancelled = true;
  }

  /** Lets searches run again after {@link #cancel}. */
  public void clearCancel() {
    cancelled = false;
  }

  /** Throws {@link QueryCancelledException} once {@link #cancel} was called; long loops over documents call it. */
  public void checkCancelled() {
    if (cancelled) {
      throw new QueryCancelledException();
    }
  }

  /**
   * Runs one search of a user's query within the time budget, on a searcher of its own (Lucene's
   * timed-out flag belongs to the searcher). A search stopped by the budget, or one with more
   * clauses than Lucene allows, is refused with a one-line reason rather than answered in part.
   */
  public <C extends org.apache.lucene.search.Collector, T> T search(org.apache.lucene.search.Query q,
      org.apache.lucene.search.CollectorManager<C, T> manager) throws IOException, QueryLimitException {
    IndexSearcher timed = new IndexSearcher(reader);
    timed.setQueryCache(searcher.getQueryCache());
    timed.setQueryCachingPolicy(searcher.getQueryCachingPolicy());
    java.time.Duration b = budget;
    org.apache.lucene.index.QueryTimeout clock = b.isZero() ? () -> true : new org.apache.lucene.index.QueryTimeoutImpl(Math.max(1, b.toMillis()));
    timed.setTimeout(() -> cancelled || clock.shouldExit());
    checkCancelled();
    T result;
    try {
      result = timed.search(q, manager);
    } catch (IndexSearcher.TooManyClauses e) {
      throw new QueryLimitException("the query expands to more clauses than Lucene allows ("
          + String.format(java.util.Locale.ROOT, "%,d", IndexSearcher.getMaxClauseCount()) + "); use fewer terms");
    }
    checkCancelled();
    if (timed.timedOut()) {
      throw new QueryLimitException(String.format(java.util.Locale.ROOT,
          "the search took longer than its time budget of %s and was stopped; narrow the query (fewer OR-ed, wildcard or fuzzy terms)",
          seconds(b)));
    }
    return result;
  }

  private static String seconds(java.time.Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  /** The analysis the index was built with; queries are analyzed the same way. */
  public AnalysisChain analysis() {
    return analysis;
  }

  /** Query-side analysis of every text field (concept synonyms; exact twins literal). */
  public Analyzer queryAnalyzer() {
    synchronized (analyzerLock) {
      if (queryAnalyzer == null) {
        queryAnalyzer = IndexSchema.analyzer(analysis, AnalysisMode.QUERY, queryVocabulary.get());
      }
      return queryAnalyzer;
    }
  }

  /** The words as written (the exact twins' analysis), for showing terms to a reader. */
  public Analyzer literalAnalyzer() {
    synchronized (analyzerLock) {
      if (literalAnalyzer == null) {
        literalAnalyzer = org.imrindex.analysis.Analyzers.of(analysis, org.imrindex.analysis.TextKind.PROSE, AnalysisMode.EXACT);
      }
      return literalAnalyzer;
    }
  }

  /** Index-side analysis of every text field, for re-analysing stored text (highlights, terms). */
  public Analyzer indexAnalyzer() {
    synchronized (analyzerLock) {
      if (indexAnalyzer == null) {
        indexAnalyzer = IndexSchema.analyzer(analysis, AnalysisMode.INDEX);
      }
      return indexAnalyzer;
    }
  }

  public IndexSearcher searcher() {
    return searcher;
  }

  public FacetsConfig config() {
    return config;
  }

  /** The ordinal state of one dimension's facet field, or null when no document has the dimension. */
  public SortedSetDocValuesReaderState state(FacetDimension dim) throws IOException {
    try {
      return states.computeIfAbsent(dim, d -> {
        try {
          return IndexSchema.hasFacetField(reader, d)
              ? java.util.Optional.of(new DefaultSortedSetDocValuesReaderState(reader, IndexSchema.facetField(d), config))
              : java.util.Optional.empty();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).orElse(null);
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private volatile TemplateShares templateShares;

  /** The template shares of this snapshot, counted on first use (one pass over the sentence hashes). */
  TemplateShares templateShares() throws IOException {
    TemplateShares t = templateShares;
    if (t == null) {
      synchronized (this) {
        if (templateShares == null) {
          templateShares = new TemplateShares(reader, letters);
        }
        t = templateShares;
      }
    }
    return t;
  }

  /**
   * The values of dimension {@code dim} in one segment, or null when none of its documents has one:
   * the dimension's doc-values field, or for a {@linkplain FacetDimension#computed() computed}
   * dimension the engine's values in the same form.
   */
  public org.apache.lucene.index.SortedSetDocValues facetValues(LeafReaderContext leaf, FacetDimension dim) throws IOException {
    if (dim == FacetDimension.TEMPLATE_BAND) {
      return templateShares().bands(leaf);
    }
    return leaf.reader().getSortedSetDocValues(IndexSchema.facetField(dim));
  }

  /** The letter documents: the parents of the decision blocks. */
  public BitSetProducer letters() {
    return letters;
  }

  /** Every value the index holds for a dimension, most frequent first (for error messages and completion). */
  public List<String> values(FacetDimension dim) throws IOException {
    List<String> out = new ArrayList<>();
    SortedSetDocValuesReaderState state = state(dim);
    if (state == null) {
      return out;
    }
    FacetResult r = new SortedSetDocValuesFacetCounts(state).getAllChildren(dim.dim());
    if (r != null) {
      List<LabelAndValue> byCount = new ArrayList<>(List.of(r.labelValues));
      byCount.sort((a, b) -> Long.compare(b.value.longValue(), a.value.longValue()));
      for (LabelAndValue lv : byCount) {
        out.add(lv.label);
      }
    }
    return out;
  }

  /**
   * A document found by a query, resolved to its letter.
   *
   * @param letterDoc the letter document's global number
   * @param letterId the letter's id
   * @param letter the letter's stored record
   * @param decisionNo the decision's position in the record, or null when the document is the letter
   */
  public record Resolved(int letterDoc, String letterId, DeterminationLetter letter, Integer decisionNo) {

    /** The decision, or null for a letter document. */
    public Decision decision() {
      return decisionNo == null ? null : letter.decisions().get(decisionNo);
    }
  }

  /** The global number of the letter document of {@code doc} (itself for a letter): the end of its block. */
  public int letterDocOf(int doc) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    return leaf.docBase + letters.getBitSet(leaf).nextSetBit(doc - leaf.docBase);
  }

  /** Resolves a global document number to its letter's record and, for a decision, its position. */
  public Resolved resolve(int doc) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    int local = doc - leaf.docBase;
    int parent = letters.getBitSet(leaf).nextSetBit(local);
    Document stored = leaf.reader().storedFields().document(parent);
    DeterminationLetter letter = LetterDocuments.record(stored.getBinaryValue(IndexField.RECORD.fieldName()));
    Integer no = null;
    if (parent != local) {
      NumericDocValues dv = leaf.reader().getNumericDocValues(IndexField.DECISION_NO.fieldName());
      if (dv != null && dv.advanceExact(local)) {
        no = (int) dv.longValue();
      }
    }
    return new Resolved(leaf.docBase + parent, stored.get(IndexField.LETTER_ID.fieldName()), letter, no);
  }

  /** The commit this index was opened on: generation, user data, letter and decision counts. */
  public IndexSnapshot snapshot() throws IOException {
    org.apache.lucene.index.IndexCommit c = reader.getIndexCommit();
    String type = IndexField.TYPE.fieldName();
    return new IndexSnapshot(c.getGeneration(), c.getUserData(), searcher.count(new TermQuery(new Term(type, IndexField.LETTER))),
        searcher.count(new TermQuery(new Term(type, IndexField.DECISION))));
  }

  /** True when the index has a newer commit than the one this reader sees. */
  public boolean isStale() throws IOException {
    return !reader.isCurrent();
  }

  @Override
  public void close() throws IOException {
    Analyzer q;
    Analyzer i;
    Analyzer l;
    synchronized (analyzerLock) {
      q = queryAnalyzer;
      i = indexAnalyzer;
      l = literalAnalyzer;
    }
    // IOUtils.close skips the analyzers never built (null)
    org.apache.lucene.util.IOUtils.close(q, i, l, reader, dir);
  }
}
