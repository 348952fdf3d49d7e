package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code imr verify} only reads: a healthy index made read-only (chmod -R a-w) is clean, and the
 * check writes nothing, not even Lucene's write.lock. As root chmod does not stop writes, so the
 * test also checks that no file of the index appeared or changed, which holds for any user.
 */
class VerifyReadOnlyTest {

  @TempDir
  Path tmp;

  @Test
  void aHealthyReadOnlyIndexIsCleanAndNothingInItIsWritten() throws IOException {
    Path index = seedIndex();
    // the lock file of the last writer is not part of the index: without it, a check that takes the lock would create it
    Files.deleteIfExists(index.resolve("write.lock"));
    assertCleanAndUnchangedReadOnly(index);
  }

  @Test
  void aReadOnlyIndexWithItsLockFileIsCleanToo() throws IOException {
    assertCleanAndUnchangedReadOnly(seedIndex());
  }

  /** An index of the seeds, written by imr index. */
  private Path seedIndex() {
    Path index = tmp.resolve("index");
    assertEquals(0, Fixtures.imr("index", "--index", index.toString(), "--quiet", Fixtures.corpus().resolve("letters/seeds").toString()).exit());
    return index;
  }

  /** Makes the index read-only, verifies it: clean, nothing on stderr, no file of it written. */
  private static void assertCleanAndUnchangedReadOnly(Path index) throws IOException {
    Map<String, String> before = snapshot(index);
    chmodTree(index, false);
    try {
      Fixtures.Run run = Fixtures.imr("verify", "--index", index.toString());

      assertEquals(0, run.exit(), run.out() + run.err());
      assertTrue(run.out().startsWith("clean: "), run.out());
      assertEquals("", run.err());
      assertEquals(before, snapshot(index), "verify wrote into the index");
    } finally {
      chmodTree(index, true);
    }
  }

  @Test
  void anIndexBeingWrittenIsStillReportedAsSuch() throws IOException {
    Path index = seedIndex();
    try (org.apache.lucene.index.IndexWriter other = new org.apache.lucene.index.IndexWriter(
        org.apache.lucene.store.FSDirectory.open(index), new org.apache.lucene.index.IndexWriterConfig())) {
      Fixtures.Run run = Fixtures.imr("verify", "--index", index.toString());
      assertEquals(3, run.exit(), run.out() + run.err());
      assertEquals("imr: the index is being written by another process (" + index + "); verify it when that is done\n", run.err());
    }
  }

  /** Each file's name, size, modification time and content hash. */
  private static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.toList()) {
        byte[] bytes = Files.readAllBytes(p);
        out.put(p.getFileName().toString(), bytes.length + " " + Files.getLastModifiedTime(p).toMillis() + " "
            + java.util.Arrays.hashCode(bytes));
      }
    }
    return out;
  }

  private static void chmodTree(Path dir, boolean writable) throws IOException {
    Set<PosixFilePermission> file = PosixFilePermissions.fromString(writable ? "rw-r--r--" : "r--r--r--");
    Set<PosixFilePermission> folder = PosixFilePermissions.fromString(writable ? "rwxr-xr-x" : "r-xr-xr-x");
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.toList()) {
        Files.setPosixFilePermissions(p, file);
      }
    }
    Files.setPosixFilePermissions(dir, folder);
  }
}
