package org.imrindex.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imrindex.analysis.AnalysisChain;
import org.imrindex.corpus.GeneratedCorpus;
import org.imrindex.corpus.GeneratedLetter;
import org.imrindex.corpus.LetterGenerator;
import org.imrindex.index.IngestListener;
import org.imrindex.index.IngestRequest;
import org.imrindex.index.Ingester;
import org.imrindex.index.InputFiles;
import org.imrindex.query.QueryIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** imr and SQLite give the same counts where they must, before the query benchmark times them; a disagreement fails the run. */
class QueryBenchmarkAnswersTest {

  @TempDir
  Path dir;

  @Test
  void bothSystemsAgreeOnAGeneratedCorpusAndADisagreementFailsTheRun() throws Exception {
    Path corpus = dir.resolve("corpus");
    GeneratedCorpus.write(corpus, 200, 42);
    // one letter with an opioid item gets its "functional improvement" split by a page break, as the
    // generator's pagination can: imr (text without page furniture) finds it, SQLite (the file) does not.
    // Every occurrence is split, in any case and wrapped over two lines too, or SQLite would still find the letter.
    LetterGenerator g = new LetterGenerator(42);
    Pattern written = Pattern.compile("(?i)(functional)\\s+(improvement)");
    Path split = null;
    for (int i = 0; i < 200 && split == null; i++) {
      GeneratedLetter l = g.next();
      Path f = corpus.resolve("0000").resolve(l.name());
      String text = Files.readString(f);
      if (l.items().stream().anyMatch(it -> "opioid".equals(it.drugClass())) && written.matcher(text).find()) {
        String pageBreak = " \n\nPage 1 of 2\n\f\n" + (l.caseNumber() == null ? "" : l.caseNumber() + "\n\n");
        Files.writeString(f, written.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + pageBreak + m.group(2))));
        split = f;
      }
    }
    assertTrue(split != null, "no generated letter with an opioid item and the phrase");
    Path index = dir.resolve("index");
    new Ingester(IngestRequest.defaults(index, List.of(corpus), 2, AnalysisChain.MEDICAL), IngestListener.NONE).run();
    List<Path> files = InputFiles.expand(List.of(corpus)).files();
    Path db = dir.resolve("sqlite.db");
    try (QueryIndex qi = QueryIndex.open(index); SqliteBaseline sqlite = new SqliteBaseline(db)) {
      sqlite.loadTexts(files);
      sqlite.loadDecisions(files, qi);

      QueryBenchmark.Answers right = QueryBenchmark.answers(qi, sqlite, files);
      assertEquals(List.of(), right.check().differences(), right.table());
      assertEquals(11, right.rows().size(), right.table());
      PhraseScan scan = PhraseScan.of(files, "functional", "improvement");
      assertEquals(java.util.Set.of(files.indexOf(split) + 1), scan.acrossPageBreaksOnly());
      var phrase = right.rows().get(1);
      assertEquals("phrase: \"functional improvement\", letters", phrase.get("question"));
      assertEquals((long) scan.asWritten().size() + 1, phrase.get("imr"));
      assertEquals((long) scan.asWritten().size(), phrase.get("sqlite"));
      assertTrue(phrase.get("why").toString().startsWith("imr +1: the phrase runs across a page break"), right.table());
      var filtered = right.rows().get(4);
      assertEquals("phrase + drug_class=opioid: decisions", filtered.get("question"));
      assertTrue(filtered.get("why").toString().startsWith("imr also counts the opioid decisions of the 1 letter with"), right.table());

      // an imr index that lost a letter (the first) disagrees with SQLite, at least on the decisions per outcome
      Path fewer = dir.resolve("fewer");
      for (Path f : files.subList(1, files.size())) {
        Path to = fewer.resolve(corpus.relativize(f));
        Files.createDirectories(to.getParent());
        Files.copy(f, to);
      }
      Path lost = dir.resolve("index-lost-one");
      new Ingester(IngestRequest.defaults(lost, List.of(fewer), 2, AnalysisChain.MEDICAL), IngestListener.NONE).run();
      QueryBenchmark.Answers wrong;
      try (QueryIndex other = QueryIndex.open(lost)) {
        wrong = QueryBenchmark.answers(other, sqlite, files);
      }
      assertTrue(wrong.check().differences().stream().anyMatch(d -> d.startsWith("terms --compare outcome: decisions on each side, SQLite vs imr [")),
          String.join("\n", wrong.check().differences()));
      assertThrows(WrongAnswer.class, () -> wrong.check().orFail());
    }
  }
}
