package org.imrindex.schema;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.IndexWriterConfig;
import org.imrindex.analysis.AnalysisChain;
import org.imrindex.analysis.AnalysisMode;
import org.imrindex.analysis.Analyzers;
import org.imrindex.analysis.MedicalVocabulary;
import org.imrindex.analysis.ShingleSignature;
import org.imrindex.analysis.TextKind;

/** How the index is configured: per-field analysis, facet dimensions, codec. Shared by writer and readers. */
public final class IndexSchema {

  private IndexSchema() {}

  /** Commit user-data key: when the commit was made. */
  public static final String COMMITTED_AT = "imr.committed_at";
  /** Commit user-data key: the tool version that made it. */
  public static final String TOOL_VERSION = "imr.tool_version";

  /** The version of this tool, from the jar manifest ("development" when run from classes). */
  public static String toolVersion() {
    String v = IndexSchema.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }

  /** Commit key recording the {@link AnalysisChain#id()} the index was built with. */
  public static final String ANALYSIS = "imr.analysis";

  /**
   * The analyzer of every text field for one side of search: each field's {@link TextKind} gets its
   * analyzer from {@link Analyzers} under {@code chain}, in {@code mode} (INDEX or QUERY); the exact
   * twins of the text fields always get the EXACT chain.
   */
  public static Analyzer analyzer(AnalysisChain chain, AnalysisMode mode) {
    return analyzer(chain, mode, MedicalVocabulary.standard());
  }

  /**
   * As {@link #analyzer(AnalysisChain, AnalysisMode)}, with the medical chain's keywords and
   * synonyms from {@code vocabulary} (the STANDARD chain has none): the query side of a changed
   * lexicon, say, against an index built with the bundled one.
   */
  public static Analyzer analyzer(AnalysisChain chain, AnalysisMode mode, MedicalVocabulary vocabulary) {
    Map<String, Analyzer> perField = new HashMap<>();
    Map<TextKind, Analyzer> byKind = new HashMap<>();
    Map<TextKind, Analyzer> exactByKind = new HashMap<>();
    for (IndexField f : IndexField.values()) {
      if (f.textKind() != null) {
        perField.put(f.fieldName(), byKind.computeIfAbsent(f.textKind(), k -> Analyzers.of(chain, k, mode, vocabulary)));
        if (f.hasExactTwin()) {
          perField.put(f.exactFieldName(), exactByKind.computeIfAbsent(f.textKind(), k -> Analyzers.of(chain, k, AnalysisMode.EXACT, vocabulary)));
        }
      }
    }
    // the same on both sides and under every chain: a signature is compared, never searched for by words
    perField.put(IndexField.RATIONALE_SIGNATURE.fieldName(), new ShingleSignature(ShingleSignature.Mode.SIGNATURE));
    return new PerFieldAnalyzerWrapper(Analyzers.of(chain, TextKind.PROSE, mode, vocabulary), perField);
  }

  /** The analysis an index was built with, from its commit data; an index without the key predates the medical chain. */
  public static AnalysisChain analysisOf(Map<String, String> commitData) throws IncompatibleIndexException {
    String id = commitData.get(ANALYSIS);
    if (id == null) {
      return AnalysisChain.STANDARD;
    }
    AnalysisChain chain = AnalysisChain.byId(id);
    if (chain == null) {
      throw new IncompatibleIndexException("the index was built with analysis '" + id
          + "', which this version of imr does not know; rebuild it with this version (imr index into a new folder)");
    }
    return chain;
  }

  /** Commit key of the index layout's version. */
  public static final String FORMAT = "imr.format";
  /**
   * This version's layout: 2 = one doc-values field per facet dimension; 3 = adds the
   * {@code parse_warnings} dimension (a layout-2 index has no value of it, so filtering on it would
   * silently drop every letter); 4 = adds {@code guideline_document} and {@code guideline_topic}, and
   * stores records with their guideline citations; 5 = adds {@code decision_month} and
   * {@code decision_quarter}; 6 = stores records with {@code decisionDateSource}, and a letter that
   * states no decision date with its letter date as the decision date; indexes the decision date as
   * points too, for {@code --filter decision_date=…}; 7 = adds {@code ur_modification} (a layout-6
   * index has no value of it, so {@code ur_modification=none} would find no decision in it); 8 = adds
   * {@code reason}, and stores records with their decisions' reasons (a layout-7 index has neither).
   * 9 = adds each rationale's MinHash signature ({@code rationale_minhash}), without which {@code imr similar}
   * finds nothing; 10 = adds each rationale's sentence hashes ({@code rationale_sentences}), without
   * which every decision would be in no template band.
   */
  public static final String FORMAT_VERSION = "10";

  /**
   * The doc-values field of a facet dimension. One field per dimension: a report by drug class
   * reads two values per decision (class, outcome), not the fifteen of all dimensions.
   */
  public static String facetField(FacetDimension d) {
    return "$facet_" + d.dim();
  }

  /** The term that selects the documents with value {@code value} of dimension {@code d} (facets index it for drill-down). */
  public static org.apache.lucene.index.Term facetTerm(FacetDimension d, String value) {
    return new org.apache.lucene.index.Term(facetField(d), FacetsConfig.pathToString(d.dim(), new String[] {value}));
  }

  /** The facet configuration: each dimension's field and whether it is multi-valued, declared once. */
  public static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    for (FacetDimension d : FacetDimension.values()) {
      config.setMultiValued(d.dim(), d.multiValued());
      config.setIndexFieldName(d.dim(), facetField(d));
    }
    return config;
  }

  /** True when some document of the index has a value of this dimension (its facet field exists). */
  public static boolean hasFacetField(org.apache.lucene.index.IndexReader reader, FacetDimension d) {
    String field = facetField(d);
    return reader.leaves().stream().anyMatch(l -> l.reader().getFieldInfos().fieldInfo(field) != null);
  }

  /**
   * True when a commit's user data says imr wrote it: every imr commit records its tool, layout or
   * analysis under an {@code imr.} key; another program's Lucene index has none.
   */
  public static boolean isImrCommit(Map<String, String> commitData) {
    return commitData.keySet().stream().anyMatch(k -> k.startsWith("imr."));
  }

  /** Refuses an index written in an older layout, saying what to do. */
  public static void checkFormat(Path index, Map<String, String> commitData) throws IncompatibleIndexException {
    if (!FORMAT_VERSION.equals(commitData.get(FORMAT))) {
      throw new IncompatibleIndexException("the index " + index + " was written by an older imr (layout "
          + commitData.getOrDefault(FORMAT, "1") + ", this one writes " + FORMAT_VERSION + "); index the letters again"
          + " into a new folder (or delete this one)");
    }
  }

  /** Writer configuration: best-compression stored fields (the records), a RAM buffer for bulk loads. */
  public static IndexWriterConfig writerConfig(AnalysisChain chain) {
    IndexWriterConfig c = new IndexWriterConfig(analyzer(chain, AnalysisMode.INDEX));
    c.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    c.setCodec(new Lucene104Codec(Lucene104Codec.Mode.BEST_COMPRESSION));
    c.setRAMBufferSizeMB(128);
    c.setCommitOnClose(false);
    c.setMergeScheduler(new QuietMergeScheduler());
    return c;
  }

  /**
   * Background merges whose failure prints nothing. A merge that fails (a full disk) is a tragic
   * event for the writer: it records the exception and fails the next write or commit with it, and
   * the ingester reports that in one line. The default scheduler also rethrows it on the merge
   * thread, which printed a 55-line stack trace to stderr.
   */
  private static final class QuietMergeScheduler extends ConcurrentMergeScheduler {
    @Override
    protected void handleMergeException(Throwable exc) {
      // kept by the writer as its tragic exception (IndexWriter#getTragicException)
    }
  }
}
