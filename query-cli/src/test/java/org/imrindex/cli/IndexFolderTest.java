package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code imr index} and {@code imr demo} write only into a new or empty folder or an imr index: never over the user's files. */
class IndexFolderTest {

  @TempDir
  Path tmp;

  /** Files whose names look like Lucene's (a merge or a new index deletes such files) beside a plain one. */
  private Path folderOfUserFiles() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("my documents"));
    Files.writeString(dir.resolve("_draft.txt"), "my draft, not an index file\n", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("_1.txt"), "chapter one\n", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("notes.txt"), "notes\n", StandardCharsets.UTF_8);
    return dir;
  }

  @Test
  void aFolderOfUserFilesIsRefusedAndLeftByteForByte() throws IOException {
    Path dir = folderOfUserFiles();
    Map<String, byte[]> before = contents(dir);

    Fixtures.Run run = Fixtures.imr("index", "--index", dir.toString(), "--quiet", Fixtures.corpus().resolve("letters/seeds").toString());

    assertEquals(2, run.exit(), run.err());
    assertEquals("", run.out());
    assertEquals("imr: the folder " + dir + " is not empty and is not an imr index (it holds _1.txt and 2 other files);"
        + " imr writes an index only into a new or empty folder or an imr index, and wrote nothing\n", run.err());
    assertSame(before, contents(dir));
  }

  @Test
  void theDemoRefusesAFolderOfUserFilesToo() throws IOException {
    Path dir = folderOfUserFiles();
    Map<String, byte[]> before = contents(dir);

    Fixtures.Run run = Fixtures.imr("demo", "--letters", Fixtures.corpus().resolve("letters/seeds").toString(), "--index", dir.toString());

    assertEquals(2, run.exit(), run.err());
    assertEquals("imr: the folder " + dir + " is not empty and is not an imr index (it holds _1.txt and 2 other files);"
        + " imr writes an index only into a new or empty folder or an imr index, and wrote nothing\n", run.err());
    assertSame(before, contents(dir));
  }

  @Test
  void aLuceneIndexImrDidNotWriteIsRefused() throws IOException {
    Path dir = tmp.resolve("other-lucene-index");
    try (IndexWriter w = new IndexWriter(FSDirectory.open(dir), new IndexWriterConfig())) {
      Document d = new Document();
      d.add(new StringField("id", "someone else's", Field.Store.YES));
      w.addDocument(d);
      w.commit();
    }
    Map<String, byte[]> before = contents(dir);

    Fixtures.Run run = Fixtures.imr("index", "--index", dir.toString(), "--quiet", Fixtures.corpus().resolve("letters/seeds").toString());

    assertEquals(2, run.exit(), run.err());
    assertEquals("imr: the folder " + dir + " holds a Lucene index that imr did not write (its commit has no imr data);"
        + " imr writes an index only into a new or empty folder or an imr index, and wrote nothing\n", run.err());
    assertSame(before, contents(dir));
  }

  @Test
  void aFileIsRefused() throws IOException {
    Path file = Files.writeString(tmp.resolve("index.txt"), "a file\n", StandardCharsets.UTF_8);

    Fixtures.Run run = Fixtures.imr("index", "--index", file.toString(), "--quiet", Fixtures.corpus().resolve("letters/seeds").toString());

    assertEquals(2, run.exit(), run.err());
    assertEquals("imr: the index " + file + " is a file, not a folder; imr wrote nothing\n", run.err());
    assertEquals("a file\n", Files.readString(file));
  }

  @Test
  void aMissingFolderAnEmptyOneAndAnImrIndexAreWrittenTo() throws IOException {
    Path missing = tmp.resolve("new/index");
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    String seeds = Fixtures.corpus().resolve("letters/seeds").toString();
    assertEquals(0, Fixtures.imr("index", "--index", missing.toString(), "--quiet", seeds).exit());
    assertEquals(0, Fixtures.imr("index", "--index", empty.toString(), "--quiet", seeds).exit());
    Fixtures.Run again = Fixtures.imr("index", "--index", empty.toString(), "--quiet", Fixtures.corpus().resolve("letters/samples").toString());
    assertEquals(0, again.exit(), again.err());
    assertEquals(0, Fixtures.imr("verify", "--index", empty.toString()).exit());
  }

  @Test
  void aNewIndexIsAnImrIndexFromItsFirstMomentSoAnInterruptedFirstRunCanBeRerun() throws IOException {
    // the first commit is made before any letter is written: a run killed before its first regular
    // commit leaves a folder that the rerun recognises (not "files that are not an index")
    Path index = tmp.resolve("index");
    org.imrindex.index.Ingester ingester = new org.imrindex.index.Ingester(new org.imrindex.index.IngestRequest(index,
        java.util.List.of(Fixtures.corpus().resolve("letters/seeds")), 1, 1000, java.time.Duration.ofDays(1),
        org.imrindex.parse.IsolatedParser.Options.defaults(), org.imrindex.analysis.AnalysisChain.MEDICAL),
        new org.imrindex.index.IngestListener() {
          @Override
          public void started(int total) {
            try (org.apache.lucene.store.Directory d = FSDirectory.open(index)) {
              Map<String, String> data = org.apache.lucene.index.SegmentInfos.readLatestCommit(d).getUserData();
              assertEquals(org.imrindex.schema.IndexSchema.FORMAT_VERSION, data.get(org.imrindex.schema.IndexSchema.FORMAT), data.toString());
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }

          @Override
          public void fileDone(Path file, FileOutcome outcome, org.imrindex.index.Rejection rejection) {}
        });
    assertEquals(5, ingester.run().letters());
  }

  private static void assertSame(Map<String, byte[]> before, Map<String, byte[]> after) {
    assertEquals(before.keySet(), after.keySet(), "files were added or deleted");
    for (Map.Entry<String, byte[]> e : before.entrySet()) {
      assertArrayEquals(e.getValue(), after.get(e.getKey()), e.getKey() + " changed");
    }
    assertFalse(after.containsKey("write.lock") && !before.containsKey("write.lock"));
  }

  private static Map<String, byte[]> contents(Path dir) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.toList()) {
        out.put(p.getFileName().toString(), Files.readAllBytes(p));
      }
    }
    return out;
  }
}
