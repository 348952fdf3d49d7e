package org.imrindex.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.imrindex.analysis.AnalysisChain;
import org.imrindex.index.IngestListener;
import org.imrindex.index.IngestRequest;
import org.imrindex.index.IngestSummary;
import org.imrindex.index.Ingester;
import org.imrindex.parse.IsolatedParser;

/** The engine tests' index of the bundled letters (corpus-samples/letters), every letter accepted. */
final class BundledIndex {

  private BundledIndex() {}

  /** Indexes the bundled letters into {@code dir} and opens the index. */
  static QueryIndex open(Path dir) throws IOException {
    Path letters = Path.of("..", "corpus-samples", "letters").toAbsolutePath().normalize();
    IngestSummary s = new Ingester(new IngestRequest(dir, List.of(letters), 2, 100_000, Duration.ofMinutes(10),
        IsolatedParser.Options.defaults(), AnalysisChain.MEDICAL), IngestListener.NONE).run();
    assertEquals(List.of(), s.rejected());
    return QueryIndex.open(dir);
  }
}
