package org.imrindex.index;

import org.imrindex.analysis.AnalysisChain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.imrindex.parse.IsolatedParser;

/**
 * What {@code imr index} is asked to do.
 *
 * @param index the index folder (created if missing)
 * @param inputs files and folders of letters
 * @param threads parsing threads
 * @param commitEvery commit after this many letters written
 * @param commitInterval commit at least this often while writing
 * @param parser how PDF, HTML and DOCX are parsed in a child process
 * @param analysis the text analysis (MEDICAL; STANDARD only for baselines); an existing index must have been built with it
 */
public record IngestRequest(Path index, List<Path> inputs, int threads, int commitEvery, Duration commitInterval,
    IsolatedParser.Options parser, AnalysisChain analysis) {

  public IngestRequest {
    inputs = List.copyOf(inputs);
  }
}
