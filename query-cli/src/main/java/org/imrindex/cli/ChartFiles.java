package org.imrindex.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.imrindex.query.IndexSnapshot;

/** What a chart or page says of its index (written whole or not at all by {@link org.imrindex.query.WholeFile}). */
final class ChartFiles {

  private ChartFiles() {}

  /** Where a page's figures come from: the index folder, its commit (time, generation, the version that made it), this tool's version, now. */
  static org.imrindex.chart.HtmlPage.Provenance provenance(Path index, org.imrindex.query.QueryIndex qi) throws IOException {
    IndexSnapshot snapshot = qi.snapshot();
    Map<String, String> data = snapshot.userData();
    String committed = data.get(org.imrindex.schema.IndexSchema.COMMITTED_AT);
    return new org.imrindex.chart.HtmlPage.Provenance(index.toAbsolutePath().normalize().toString(),
        committed == null ? null : committed + " (generation " + snapshot.generation() + ")",
        data.getOrDefault(org.imrindex.schema.IndexSchema.TOOL_VERSION, "(unknown)"), org.imrindex.schema.IndexSchema.toolVersion(),
        java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
  }
}
