package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.imrindex.model.DeterminationLetter;
import org.imrindex.model.LetterJson;
import org.imrindex.schema.FileState;
import org.imrindex.schema.IndexField;
import org.imrindex.schema.LetterDocuments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A letter's record always comes from a file that holds it now: two files hold one case, the one the
 * record was read from is rewritten to another case, and the folder is indexed again.
 */
class StaleRecordTest {

  private static final ObjectMapper JSON = LetterJson.mapper();
  /** The case both files hold. */
  private static final String CASE = "CM18-0077001";
  /** The case b.txt is rewritten to. */
  private static final String OTHER_CASE = "CM14-0041187";

  @TempDir
  Path tmp;

  private Path letters;
  private Path a;
  private Path b;
  private Path index;

  /** a.txt and b.txt hold the same case; b.txt's copy has a word a.txt's has not ("quokka"), and is read last. */
  @BeforeEach
  void twoFilesOfOneCase() throws IOException {
    letters = Files.createDirectories(tmp.resolve("letters"));
    String text = Files.readString(Fixtures.corpus().resolve("letters/samples/pr-01-single-overturned.txt"), StandardCharsets.UTF_8);
    a = Files.writeString(letters.resolve("a.txt"), text, StandardCharsets.UTF_8);
    String marked = text.replace("improved walking tolerance", "improved walking tolerance on the quokka trail");
    assertEquals(false, marked.equals(text));
    b = Files.writeString(letters.resolve("b.txt"), marked, StandardCharsets.UTF_8);
    index = tmp.resolve("index");
    Fixtures.Run first = Fixtures.imr("index", "--index", index.toString(), "--quiet", "--threads", "1", letters.toString());
    assertEquals(0, first.exit(), first.err());
    // one thread reads a.txt, then b.txt: the record is b.txt's (a duplicate replaces the copy, never adds one)
    assertEquals(b.toString(), record(CASE).source().path());
    assertEquals(1, textMatches("quokka"));
    assertEquals(List.of(a.toString(), b.toString()), files(CASE));
  }

  @Test
  void theOtherFileThatStillHoldsTheCaseSuppliesItsRecord() throws IOException {
    rewriteToOtherCase(b);

    Fixtures.Run rerun = Fixtures.imr("index", "--index", index.toString(), "--quiet", "--threads", "1", letters.toString());

    assertEquals(0, rerun.exit(), rerun.err());
    DeterminationLetter kept = record(CASE);
    assertEquals(a.toString(), kept.source().path());
    assertEquals(List.of(a.toString()), files(CASE));
    assertEquals(0, textMatches("quokka"), "the case still has the text of a file that no longer holds it");
    assertEquals(b.toString(), record(OTHER_CASE).source().path());
    assertEquals(List.of(b.toString()), files(OTHER_CASE));
    assertEquals(2, stats().get("letters").asInt());
    assertEquals(0, Fixtures.imr("verify", "--index", index.toString()).exit());

    // and a third run changes nothing
    Fixtures.Run third = Fixtures.imr("index", "--index", index.toString(), "--quiet", "--format", "json", letters.toString());
    assertEquals(2, JSON.readTree(third.out()).get("unchanged").asInt(), third.out());
    assertEquals(a.toString(), record(CASE).source().path());
  }

  @Test
  void whenNoFileHoldsTheCaseAnyMoreItsRecordIsDeleted() throws IOException {
    Files.delete(a);
    rewriteToOtherCase(b);

    Fixtures.Run rerun = Fixtures.imr("index", "--index", index.toString(), "--quiet", "--threads", "1", letters.toString());

    assertEquals(0, rerun.exit(), rerun.err());
    assertNull(record(CASE));
    assertEquals(0, textMatches("quokka"));
    assertEquals(1, stats().get("letters").asInt());
    assertEquals(b.toString(), record(OTHER_CASE).source().path());
  }

  @Test
  void whenTheFileIsRewrittenToSomethingThatIsNotALetterTheOtherFileSuppliesTheRecord() throws IOException {
    Files.writeString(b, "a shopping list: milk, bread, eggs\n", StandardCharsets.UTF_8);
    Files.setLastModifiedTime(b, FileTime.fromMillis(Files.getLastModifiedTime(b).toMillis() + 5_000));

    Fixtures.Run rerun = Fixtures.imr("index", "--index", index.toString(), "--quiet", "--threads", "1", letters.toString());

    assertEquals(1, rerun.exit(), rerun.err());
    assertEquals(a.toString(), record(CASE).source().path());
    assertEquals(List.of(a.toString()), files(CASE));
    assertEquals(0, textMatches("quokka"), "the case still has the text of a file that no longer holds it");
    assertEquals(1, stats().get("letters").asInt());
  }

  @Test
  void whenTheFileTheRecordCameFromIsDeletedTheOtherFileSuppliesIt() throws IOException {
    Files.delete(b);

    Fixtures.Run rerun = Fixtures.imr("index", "--index", index.toString(), "--quiet", "--threads", "1", letters.toString());

    assertEquals(0, rerun.exit(), rerun.err());
    assertEquals(a.toString(), record(CASE).source().path());
    assertEquals(List.of(a.toString()), files(CASE));
    assertEquals(0, textMatches("quokka"), "the case still has the text of a file that is gone");
    assertEquals(0, Fixtures.imr("verify", "--index", index.toString()).exit());
  }

  @Test
  void aDeletedFileIsForgottenOnlyWhenItsFolderIsReadAgain() throws IOException {
    Files.delete(b);
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    Files.copy(Fixtures.corpus().resolve("letters/samples/cover-01-partial-overturn.txt"), elsewhere.resolve("c.txt"));

    Fixtures.Run other = Fixtures.imr("index", "--index", index.toString(), "--quiet", elsewhere.toString());

    assertEquals(0, other.exit(), other.err());
    assertEquals(b.toString(), record(CASE).source().path(), "a folder this run did not read was looked into");
    assertEquals(List.of(a.toString(), b.toString()), files(CASE));
  }

  private static void rewriteToOtherCase(Path file) throws IOException {
    Files.copy(Fixtures.corpus().resolve("letters/samples/cover-01-partial-overturn.txt"), file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5_000));
  }

  private JsonNode stats() throws IOException {
    Fixtures.Run run = Fixtures.imr("stats", "--index", index.toString(), "--format", "json");
    assertEquals(0, run.exit(), run.err());
    return JSON.readTree(run.out());
  }

  private int textMatches(String word) throws IOException {
    Fixtures.Run run = Fixtures.imr("search", "--index", index.toString(), "--level", "letter", "--format", "json", "text:" + word);
    assertEquals(0, run.exit(), run.err());
    return JSON.readTree(run.out()).get("total").asInt();
  }

  /** The stored record of a letter, or null if the index has none. */
  private DeterminationLetter record(String letterId) throws IOException {
    try (Directory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      TopDocs docs = searcher.search(new TermQuery(new Term(IndexField.LETTER_DOC.fieldName(), letterId)), 10);
      if (docs.scoreDocs.length == 0) {
        return null;
      }
      assertEquals(1, docs.scoreDocs.length, "one letter document per case");
      return LetterDocuments.record(searcher.storedFields().document(docs.scoreDocs[0].doc).getBinaryValue(IndexField.RECORD.fieldName()));
    }
  }

  /** The files the index lists for a letter, sorted. */
  private List<String> files(String letterId) throws IOException {
    try (Directory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      for (ScoreDoc sd : searcher.search(new TermQuery(new Term(IndexField.LETTER_DOC.fieldName(), letterId)), 10).scoreDocs) {
        LeafReaderContext leaf = reader.leaves().get(org.apache.lucene.index.ReaderUtil.subIndex(sd.doc, reader.leaves()));
        BinaryDocValues values = leaf.reader().getBinaryDocValues(IndexField.FILES.fieldName());
        if (values != null && values.advanceExact(sd.doc - leaf.docBase)) {
          List<String> out = new ArrayList<>();
          for (FileState f : LetterDocuments.files(values.binaryValue())) {
            out.add(f.path());
          }
          out.sort(null);
          return out;
        }
      }
      return List.of();
    }
  }
}
