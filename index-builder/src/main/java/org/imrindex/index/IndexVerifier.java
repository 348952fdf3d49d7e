package org.imrindex.index;

import org.imrindex.schema.NoIndexException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;

/**
 * Runs Lucene's CheckIndex on an index without changing it: it only reads, so a read-only index
 * (or one on read-only media) can be checked, and the check writes nothing, not even a lock file.
 */
public final class IndexVerifier {

  /**
   * The verdict.
   *
   * @param clean true when CheckIndex found no problem
   * @param segments segments checked (0 when the index could not be read)
   * @param documents documents checked in them (clean indexes only)
   * @param problem the first problem, null when clean
   * @param report CheckIndex's full report
   */
  public record Result(boolean clean, int segments, long documents, String problem, String report) {}

  /**
   * CheckIndex's own write lock, unused: it is taken to repair an index, which verify never does.
   * A writer at work is found with a shared lock on its lock file instead ({@link #notBeingWritten}).
   */
  private static final Lock NO_LOCK = new Lock() {
    @Override
    public void close() {}

    @Override
    public void ensureValid() {}
  };

  private IndexVerifier() {}

  /** Checks the index at {@code index}; never repairs it, never writes. */
  public static Result verify(Path index) throws IOException {
    try (Directory dir = FSDirectory.open(index)) {
      if (!DirectoryReader.indexExists(dir)) {
        throw new NoIndexException(index);
      }
      try (FileChannel held = notBeingWritten(index)) {
        return check(dir);
      }
    }
  }

  /**
   * A shared lock on the index's lock file, held while checking: it fails while a writer holds the
   * file's exclusive lock, and keeps a writer from starting meanwhile. Opens the file read-only;
   * null when there is none (no writer ever opened the index here, so none is at work).
   */
  private static FileChannel notBeingWritten(Path index) throws IOException {
    FileChannel channel;
    try {
      channel = FileChannel.open(index.resolve(IndexWriter.WRITE_LOCK_NAME), StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      return null;
    }
    FileLock lock;
    try {
      lock = channel.tryLock(0, Long.MAX_VALUE, true);
    } catch (OverlappingFileLockException e) {
      lock = null; // a writer in this JVM holds it
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      channel.close();
      throw new IOException("the index is being written by another process (" + index + "); verify it when that is done");
    }
    return channel; // closing it releases the lock
  }

  private static Result check(Directory dir) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    CheckIndex.Status status;
    try (CheckIndex check = new CheckIndex(dir, NO_LOCK); PrintStream info = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      check.setInfoStream(info);
      status = check.checkIndex();
    } catch (IOException | RuntimeException e) {
      return new Result(false, 0, 0, String.valueOf(e), buffer.toString(StandardCharsets.UTF_8));
    }
    String report = buffer.toString(StandardCharsets.UTF_8);
    if (status.clean) {
      long docs = 0;
      for (CheckIndex.Status.SegmentInfoStatus s : status.segmentInfos) {
        docs += s.maxDoc;
      }
      return new Result(true, status.numSegments, docs, null, report);
    }
    String problem = status.missingSegments ? "segments file missing or unreadable"
        : status.numBadSegments + " of " + status.numSegments + " segments are broken";
    return new Result(false, status.numSegments, 0, problem, report);
  }
}
