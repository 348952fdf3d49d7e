package org.imrindex.index;

import org.imrindex.schema.NoIndexException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/** Runs Lucene's CheckIndex on an index without changing it. */
public final class IndexVerifier {

  /**
   * The verdict.
   *
   * @param clean true when CheckIndex found no problem
   * @param summary one line: segments and documents checked, or the first problem
   * @param report CheckIndex's full report
   */
  public record Result(boolean clean, String summary, String report) {}

  private IndexVerifier() {}

  /** Checks the index at {@code index}; never repairs it. */
  public static Result verify(Path index) throws IOException {
    try (Directory dir = FSDirectory.open(index)) {
      if (!DirectoryReader.indexExists(dir)) {
        throw new NoIndexException(index);
      }
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      CheckIndex.Status status;
      try (CheckIndex check = new CheckIndex(dir); PrintStream info = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
        check.setInfoStream(info);
        status = check.checkIndex();
      } catch (LockObtainFailedException e) {
        throw new IOException("the index is being written by another process (" + index + "); verify it when that is done", e);
      } catch (IOException | RuntimeException e) {
        return new Result(false, "NOT clean: " + e, buffer.toString(StandardCharsets.UTF_8));
      }
      String report = buffer.toString(StandardCharsets.UTF_8);
      if (status.clean) {
        int docs = 0;
        for (CheckIndex.Status.SegmentInfoStatus s : status.segmentInfos) {
          docs += s.maxDoc;
        }
        return new Result(true, "clean: " + status.numSegments + " segments, " + docs + " documents checked", report);
      }
      String problem = status.missingSegments ? "segments file missing or unreadable"
          : status.numBadSegments + " of " + status.numSegments + " segments are broken";
      return new Result(false, "NOT clean: " + problem, report);
    }
  }
}
