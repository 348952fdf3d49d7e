package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.imrindex.model.LetterJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexCommandTest {

  private static final ObjectMapper JSON = LetterJson.mapper();

  @TempDir
  Path tmp;

  @Test
  void theBundledCorpusIndexesToExactlyItsExpectedRecords() throws IOException {
    Path index = tmp.resolve("index");
    Fixtures.Run run = Fixtures.imr("index", "--index", index.toString(), "--format", "json", "--quiet",
        Fixtures.corpus().resolve("letters").toString());
    assertEquals(0, run.exit(), run.err());
    JsonNode s = JSON.readTree(run.out());
    assertEquals(20, s.get("files").asInt());
    assertEquals(20, s.get("indexed").asInt());
    assertEquals(20, s.get("letters").asInt());
    assertEquals(expectedDecisions(), s.get("decisions").asInt());
    assertEquals(47, s.get("decisions").asInt());
    assertEquals(0, s.get("letters_with_parse_warnings").asInt());
    assertEquals(0, s.get("duplicates").asInt());
    assertEquals(0, s.get("unchanged").asInt());
    assertEquals(0, s.get("rejected").size());

    JsonNode stats = stats(index);
    assertEquals(20, stats.get("letters").asInt());
    assertEquals(47, stats.get("decisions").asInt());
    assertEquals(32, stats.get("upheld").asInt());
    assertEquals(15, stats.get("overturned").asInt());
    assertEquals(0, stats.get("letters_with_parse_warnings").asInt());
    assertEquals(0, stats.get("decisions_in_letters_with_parse_warnings").asInt());
    assertEquals("{\"outcome\":2,\"drug\":21,\"drug_class\":11,\"service_category\":11,\"specialty\":11,"
        + "\"licensure_state\":17,\"mtus_page\":61,\"guideline_source\":3,\"guideline_document\":10,\"guideline_topic\":31,\"injury_year\":11,\"decision_year\":4,\"decision_month\":6,\"decision_quarter\":4,\"layout\":5,\"parse_warnings\":1,\"ur_modification\":1,\"reason\":10}",
        stats.get("dims").toString());

    Fixtures.Run again = Fixtures.imr("index", "--index", index.toString(), "--format", "json", "--quiet",
        Fixtures.corpus().resolve("letters").toString());
    assertEquals(0, again.exit(), again.err());
    JsonNode s2 = JSON.readTree(again.out());
    assertEquals(20, s2.get("unchanged").asInt());
    assertEquals(0, s2.get("indexed").asInt());
    assertEquals(stats.get("dims"), stats(index).get("dims"));
    assertEquals(20, stats(index).get("letters").asInt());
  }

  @Test
  void aLetterWithParseWarningsIsIndexedCountedAndHowToListItIsSaid() throws IOException {
    Path letters = Fixtures.seedsAndALetterWithWarning(tmp);
    Path index = tmp.resolve("index");

    Fixtures.Run run = Fixtures.imr("index", "--index", index.toString(), "--quiet", letters.toString());

    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.err());
    assertEquals("""
        6 files: 6 indexed (6 letters, 1 with parse warnings, 14 decisions), 0 duplicates, 0 unchanged, 0 rejected in T s
        parse warnings: imr search --index %1$s --level letter --filter parse_warnings=some lists them; \
        --filter parse_warnings=none leaves them out
        index: %1$s
        """.formatted(index), run.out().replaceFirst(" in \\d+\\.\\d s\n", " in T s\n"));

    // the same letters again: nothing is read, so nothing is counted (imr stats has the index's total)
    Fixtures.Run again = Fixtures.imr("index", "--index", index.toString(), "--quiet", "--format", "json", letters.toString());
    assertEquals(0, again.exit(), again.err());
    JsonNode s = JSON.readTree(again.out());
    assertEquals(6, s.get("unchanged").asInt());
    assertEquals(0, s.get("letters_with_parse_warnings").asInt());

    Fixtures.Run json = Fixtures.imr("index", "--index", tmp.resolve("index2").toString(), "--quiet", "--format", "json",
        letters.toString());
    assertEquals(0, json.exit(), json.err());
    assertEquals("{\"files\":6,\"indexed\":6,\"letters\":6,\"letters_with_parse_warnings\":1,\"decisions\":14,\"duplicates\":0,"
        + "\"unchanged\":0,\"rejected\":[],\"seconds\":T}\n", json.out().replaceFirst("\"seconds\":[0-9.]+}", "\"seconds\":T}"));
  }

  @Test
  void aMessyFolderIndexesEveryGoodLetterOnceAndNamesEveryBadFile() throws Exception {
    Path letters = Files.createDirectories(tmp.resolve("letters"));
    Path seeds = Fixtures.corpus().resolve("letters/seeds");
    try (Stream<Path> s = Files.list(seeds)) {
      for (Path p : s.toList()) {
        Files.copy(p, letters.resolve(p.getFileName()));
      }
    }
    Path samples = Fixtures.corpus().resolve("letters/samples");
    Files.copy(samples.resolve("pr-02-two-items-latin1.txt"), letters.resolve("latin1.txt"));
    Files.copy(samples.resolve("html-01-standard-surgery.html"), letters.resolve("letter.html"));
    Path sub = Files.createDirectories(letters.resolve("copies"));
    Files.copy(seeds.resolve("003_1bf899ffda0acde2.txt"), sub.resolve("same-letter-again.txt"), StandardCopyOption.COPY_ATTRIBUTES);
    Fixtures.pdf(org.imrindex.parse.TextExtractor.decode(Files.readAllBytes(seeds.resolve("001_f0d839e0a1819322.txt"))),
        sub.resolve("same-letter-as-pdf.pdf"), "MAXIMUS Federal Services - Independent Medical Review", null);
    List<String> bad = new ArrayList<>();
    bad.add(Files.createFile(letters.resolve("empty.txt")).toString());
    bad.add(Files.writeString(letters.resolve("note.txt"), "Dear Sir,\nthe invoice is attached.\n").toString());
    byte[] garbage = new byte[8192];
    new java.util.Random(5).nextBytes(garbage);
    bad.add(Files.write(letters.resolve("scan.pdf"), garbage).toString());
    bad.add(Files.write(letters.resolve("cut.pdf"), "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n".getBytes(StandardCharsets.US_ASCII)).toString());
    Path locked = letters.resolve("locked.pdf");
    Fixtures.pdf(Files.readString(seeds.resolve("000_3a4e8d0113b4c357.txt")), locked, "head", "secret");
    bad.add(locked.toString());
    Path big = letters.resolve("big.txt");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(20L << 20);
    }
    bad.add(big.toString());
    bad.add(Files.writeString(letters.resolve("evil\n\u001b[2Jname.txt"), "not a letter").toString());
    Path loop = Files.createSymbolicLink(sub.resolve("loop"), letters);
    bad.add(loop.toString());
    Path index = tmp.resolve("index");

    Fixtures.Run run = Fixtures.imr("index", "--index", index.toString(), "--format", "json", "--quiet", letters.toString());

    assertEquals(1, run.exit(), run.err());
    JsonNode s = JSON.readTree(run.out());
    assertEquals(9, s.get("indexed").asInt(), run.out());
    assertEquals(7, s.get("letters").asInt(), run.out());
    assertEquals(2, s.get("duplicates").asInt(), run.out());
    List<String> rejectedPaths = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    s.get("rejected").forEach(r -> {
      rejectedPaths.add(r.get("path").asText());
      reasons.add(Path.of(r.get("path").asText()).getFileName() + "=" + r.get("reason").asText());
    });
    assertEquals(bad.stream().sorted().toList(), rejectedPaths);
    assertEquals(List.of("big.txt=too-large", "cut.pdf=corrupt", "empty.txt=empty", "evil\n\u001b[2Jname.txt=not-a-determination",
        "locked.pdf=encrypted", "loop=unreadable", "note.txt=not-a-determination", "scan.pdf=corrupt"), reasons.stream().sorted().toList());
    assertTrue(run.err().contains("imr: " + letters + "/evil\\n\\x1b[2Jname.txt: not-a-determination: "), run.err());
    assertEquals(8, run.err().lines().count(), run.err());
    JsonNode stats = stats(index);
    assertEquals(7, stats.get("letters").asInt());
    assertEquals(2 + 3 + 1 + 2 + 4 + 2 + 3, stats.get("decisions").asInt());

    Fixtures.Run rerun = Fixtures.imr("index", "--index", index.toString(), "--format", "json", "--quiet", letters.toString());
    assertEquals(1, rerun.exit());
    JsonNode s2 = JSON.readTree(rerun.out());
    assertEquals(0, s2.get("indexed").asInt(), rerun.out());
    assertEquals(9, s2.get("unchanged").asInt(), rerun.out());
    assertEquals(s.get("rejected"), s2.get("rejected"));
    assertEquals(stats.get("letters"), stats(index).get("letters"));
    assertEquals(stats.get("decisions"), stats(index).get("decisions"));
    assertEquals(0, Fixtures.imr("verify", "--index", index.toString()).exit());
  }

  @Test
  void everyIndexedRecordIsTheRecordExtractPrints() throws IOException {
    Path index = tmp.resolve("index");
    assertEquals(0, Fixtures.imr("index", "--index", index.toString(), "--quiet", Fixtures.corpus().resolve("letters").toString()).exit());
    int checked = 0;
    try (org.apache.lucene.index.DirectoryReader reader = org.apache.lucene.index.DirectoryReader.open(
        org.apache.lucene.store.FSDirectory.open(index))) {
      org.apache.lucene.search.IndexSearcher searcher = new org.apache.lucene.search.IndexSearcher(reader);
      org.apache.lucene.search.TopDocs letters = searcher.search(new org.apache.lucene.search.TermQuery(
          new org.apache.lucene.index.Term(org.imrindex.schema.IndexField.TYPE.fieldName(), org.imrindex.schema.IndexField.LETTER)), 100);
      for (org.apache.lucene.search.ScoreDoc sd : letters.scoreDocs) {
        org.apache.lucene.util.BytesRef stored = searcher.storedFields().document(sd.doc)
            .getBinaryValue(org.imrindex.schema.IndexField.RECORD.fieldName());
        JsonNode record = JSON.valueToTree(org.imrindex.schema.LetterDocuments.record(stored));
        Path file = Path.of(record.get("source").get("path").asText());
        ((com.fasterxml.jackson.databind.node.ObjectNode) record.get("source"))
            .put("path", Fixtures.corpus().relativize(file.toAbsolutePath().normalize()).toString());
        // the expected records hold no reasons (parser/ReasonLabelsTest grades them against hand labels)
        assertEquals(JSON.readTree(Fixtures.expectedOf(file.toAbsolutePath().normalize()).toFile()), Fixtures.withoutReasons(record),
            file.toString());
        checked++;
      }
    }
    assertEquals(20, checked);
  }

  @Test
  void anIndexLockedByAnotherWriterIsFatalAndLeftAsItWas() throws IOException {
    Path index = tmp.resolve("index");
    assertEquals(0, Fixtures.imr("index", "--index", index.toString(), "--quiet", Fixtures.corpus().resolve("letters/seeds").toString()).exit());
    try (org.apache.lucene.index.IndexWriter other = new org.apache.lucene.index.IndexWriter(
        org.apache.lucene.store.FSDirectory.open(index), new org.apache.lucene.index.IndexWriterConfig())) {
      Fixtures.Run run = Fixtures.imr("index", "--index", index.toString(), "--quiet", Fixtures.corpus().resolve("letters/samples").toString());
      assertEquals(3, run.exit());
      assertEquals("imr: the index " + index + " is being written by another imr run\n", run.err());
    }
    assertEquals(5, stats(index).get("letters").asInt());
  }

  @Test
  void anIndexBuiltWithAnotherAnalysisIsNeverMixedButStillSearchable() throws IOException {
    Path index = tmp.resolve("standard");
    Path seeds = Fixtures.corpus().resolve("letters/seeds");
    new org.imrindex.index.Ingester(new org.imrindex.index.IngestRequest(index, List.of(seeds), 1, 1000,
        java.time.Duration.ofMinutes(1), org.imrindex.parse.IsolatedParser.Options.defaults(),
        org.imrindex.analysis.AnalysisChain.STANDARD), org.imrindex.index.IngestListener.NONE).run();
    Fixtures.Run run = Fixtures.imr("index", "--index", index.toString(), "--quiet", Fixtures.corpus().resolve("letters/samples").toString());
    assertEquals(3, run.exit());
    assertEquals("imr: the index " + index + " was built with analysis 'standard', and this run analyzes text with 'medical-1';"
        + " index into a new folder (or delete this one) to rebuild it\n", run.err());
    assertEquals(5, stats(index).get("letters").asInt());
    // queries use the analysis the index was built with: plain words still match, concepts do not expand
    Fixtures.Run words = Fixtures.imr("search", "--index", index.toString(), "--format", "json", "item:xanax");
    assertEquals(0, words.exit(), words.err());
    // one Xanax item among the seeds (004)
    JsonNode found = JSON.readTree(words.out());
    assertEquals(1, found.get("total").asInt(), words.out());
    assertEquals("Xanax 0.5mg #30", found.get("hits").get(0).get("item").asText());
  }

  @Test
  void anIndexInAnOlderLayoutIsRefusedWithWhatToDo() throws IOException {
    Path index = tmp.resolve("older");
    try (org.apache.lucene.index.IndexWriter w = new org.apache.lucene.index.IndexWriter(
        org.apache.lucene.store.FSDirectory.open(index), new org.apache.lucene.index.IndexWriterConfig())) {
      w.addDocument(new org.apache.lucene.document.Document());
      w.setLiveCommitData(java.util.Map.of("imr.analysis", "medical-1").entrySet()); // no imr.format: layout 1
      w.commit();
    }
    String expected = "imr: the index " + index + " was written by an older imr (layout 1, this one writes 10); index the letters"
        + " again into a new folder (or delete this one)\n";
    Fixtures.Run search = Fixtures.imr("search", "--index", index.toString(), "x");
    assertEquals(3, search.exit());
    assertEquals(expected, search.err());
    Fixtures.Run add = Fixtures.imr("index", "--index", index.toString(), "--quiet", Fixtures.corpus().resolve("letters/seeds").toString());
    assertEquals(3, add.exit());
    assertEquals(expected, add.err());
    Fixtures.Run stats = Fixtures.imr("stats", "--index", index.toString());
    assertEquals(3, stats.exit());
    assertEquals(expected, stats.err());

    // layout 2 had no parse_warnings dimension: parse_warnings=none would find no letter in it; layout 3 had no
    // guideline_document and guideline_topic, and its stored records no guideline citations; layout 5 stored no
    // decisionDateSource, and no decision date for a letter that states only its letter date; layout 6 had no
    // ur_modification dimension: ur_modification=none would find no decision in it; layout 7 had no reason
    // dimension, and its stored records no reasons; layout 8 had no rationale signatures: imr similar would find
    // nothing in it; layout 9 no sentence hashes: no decision would have a template band
    for (String layout : List.of("2", "3", "5", "6", "7", "8", "9")) {
      Path older = tmp.resolve("layout" + layout);
      try (org.apache.lucene.index.IndexWriter w = new org.apache.lucene.index.IndexWriter(
          org.apache.lucene.store.FSDirectory.open(older), new org.apache.lucene.index.IndexWriterConfig())) {
        w.addDocument(new org.apache.lucene.document.Document());
        w.setLiveCommitData(java.util.Map.of("imr.analysis", "medical-1", "imr.format", layout).entrySet());
        w.commit();
      }
      Fixtures.Run stats2 = Fixtures.imr("stats", "--index", older.toString());
      assertEquals(3, stats2.exit());
      assertEquals("imr: the index " + older + " was written by an older imr (layout " + layout + ", this one writes 10); index the"
          + " letters again into a new folder (or delete this one)\n", stats2.err());
      Fixtures.Run search2 = Fixtures.imr("search", "--index", older.toString(), "--filter", "parse_warnings=none");
      assertEquals(3, search2.exit());
      assertEquals(stats2.err(), search2.err());
      Fixtures.Run report = Fixtures.imr("report", "--index", older.toString(), "--by", "guideline_topic");
      assertEquals(3, report.exit());
      assertEquals(stats2.err(), report.err());
    }
  }

  @Test
  void statsAndVerifyWithoutAnIndexSayHowToMakeOne() {
    Path none = tmp.resolve("none");
    Fixtures.Run stats = Fixtures.imr("stats", "--index", none.toString());
    assertEquals(3, stats.exit());
    assertEquals("imr: no index at " + none + "; make one with: imr index --index " + none + " FOLDER\n", stats.err());
    assertEquals(3, Fixtures.imr("verify", "--index", none.toString()).exit());
  }

  @Test
  void verifyFindsADamagedIndex() throws IOException {
    Path index = tmp.resolve("index");
    assertEquals(0, Fixtures.imr("index", "--index", index.toString(), "--quiet", Fixtures.corpus().resolve("letters/seeds").toString()).exit());
    Fixtures.Run clean = Fixtures.imr("verify", "--index", index.toString());
    assertEquals(0, clean.exit(), clean.out() + clean.err());
    assertTrue(clean.out().startsWith("clean: "), clean.out());
    Path biggest;
    try (Stream<Path> files = Files.list(index)) {
      biggest = files.filter(p -> !p.getFileName().toString().startsWith("segments") && !p.getFileName().toString().equals("write.lock"))
          .max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length())).orElseThrow();
    }
    try (RandomAccessFile f = new RandomAccessFile(biggest.toFile(), "rw")) {
      long mid = f.length() / 2;
      f.seek(mid);
      int b = f.read();
      f.seek(mid);
      f.write(b ^ 0xFF);
    }
    Fixtures.Run damaged = Fixtures.imr("verify", "--index", index.toString());
    assertEquals(1, damaged.exit(), damaged.out() + damaged.err());
    assertTrue(damaged.out().startsWith("NOT clean: "), damaged.out());
  }

  private static int expectedDecisions() throws IOException {
    int n = 0;
    for (Path letter : Fixtures.letters()) {
      n += JSON.readTree(Fixtures.expectedOf(letter).toFile()).get("decisions").size();
    }
    return n;
  }

  private static JsonNode stats(Path index) throws IOException {
    Fixtures.Run run = Fixtures.imr("stats", "--index", index.toString(), "--format", "json");
    assertEquals(0, run.exit(), run.err());
    return JSON.readTree(run.out());
  }
}
