package org.imrindex.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a chart or page whole or not at all: a partial file beside it, moved over it when written. */
final class ChartFiles {

  private ChartFiles() {}

  /** Where a page's figures come from: the index folder, its commit (time, generation, the version that made it), this tool's version, now. */
  static org.imrindex.chart.HtmlPage.Provenance provenance(Path index, org.imrindex.query.QueryIndex qi) throws IOException {
    java.util.Map<String, String> data = java.util.Map.of();
    String generation = "";
    if (qi.searcher().getIndexReader() instanceof org.apache.lucene.index.DirectoryReader dr) {
      data = dr.getIndexCommit().getUserData();
      generation = " (generation " + dr.getIndexCommit().getGeneration() + ")";
    }
    String committed = data.get(org.imrindex.schema.IndexSchema.COMMITTED_AT);
    return new org.imrindex.chart.HtmlPage.Provenance(index.toAbsolutePath().normalize().toString(),
        committed == null ? null : committed + generation,
        data.getOrDefault(org.imrindex.schema.IndexSchema.TOOL_VERSION, "(unknown)"), org.imrindex.schema.IndexSchema.toolVersion(),
        java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
  }

  static void write(Path file, byte[] bytes) throws IOException {
    Path target = file.toAbsolutePath();
    if (Files.exists(target) && !Files.isRegularFile(target)) {
      Files.write(target, bytes); // a FIFO, /dev/stdout
      return;
    }
    Path partial = target.resolveSibling("." + target.getFileName() + ".imr-partial");
    try {
      Files.write(partial, bytes);
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
  }
}
