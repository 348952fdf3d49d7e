package org.imrindex.index;

import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexWriterConfig;
import org.imrindex.analysis.Analyzers;
import org.imrindex.analysis.TextKind;

/** How the index is configured: per-field analysis, facet dimensions, codec. Shared by writer and readers. */
public final class IndexSchema {

  private IndexSchema() {}

  /** The analyzer of every text field, chosen by its {@link TextKind} in {@link Analyzers}. */
  public static Analyzer analyzer() {
    Map<String, Analyzer> perField = new HashMap<>();
    Map<TextKind, Analyzer> byKind = new HashMap<>();
    for (IndexField f : IndexField.values()) {
      if (f.textKind() != null) {
        perField.put(f.fieldName(), byKind.computeIfAbsent(f.textKind(), Analyzers::forKind));
      }
    }
    return new PerFieldAnalyzerWrapper(Analyzers.forKind(TextKind.PROSE), perField);
  }

  /** The facet configuration: multi-valued dimensions declared once. */
  public static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    for (FacetDimension d : FacetDimension.values()) {
      config.setMultiValued(d.dim(), d.multiValued());
    }
    return config;
  }

  /** Writer configuration: best-compression stored fields (the records), a RAM buffer for bulk loads. */
  public static IndexWriterConfig writerConfig() {
    IndexWriterConfig c = new IndexWriterConfig(analyzer());
    c.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    c.setCodec(new Lucene104Codec(Lucene104Codec.Mode.BEST_COMPRESSION));
    c.setRAMBufferSizeMB(128);
    c.setCommitOnClose(false);
    return c;
  }
}
