package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.imrindex.corpus.GeneratedCorpus;
import org.imrindex.corpus.GeneratedLetter;
import org.imrindex.corpus.LetterGenerator;
import org.imrindex.model.LetterJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report --by drug_class on a generated index equals the counts of the generator's own ground truth. */
class ReportTruthTest {

  @TempDir
  Path tmp;

  @Test
  void reportByDrugClassEqualsTheGeneratedTruth() throws Exception {
    int count = 3000;
    GeneratedCorpus.write(tmp.resolve("corpus"), count, 31);
    Map<String, int[]> truth = new TreeMap<>();
    LetterGenerator g = new LetterGenerator(31);
    for (int i = 0; i < count; i++) {
      for (GeneratedLetter.Item item : g.next().items()) {
        // an item without a class is the report's (none) row: the rows add up to every decision
        int[] c = truth.computeIfAbsent(item.drugClass() == null ? "(none)" : item.drugClass(), k -> new int[2]);
        c[0]++;
        c[1] += item.upheld() ? 1 : 0;
      }
    }
    String index = tmp.resolve("index").toString();
    assertEquals(0, Fixtures.imr("index", "--index", index, "--quiet", tmp.resolve("corpus").toString()).exit());
    Fixtures.Run run = Fixtures.imr("report", "--index", index, "--by", "drug_class", "--format", "json");
    assertEquals(0, run.exit(), run.err());
    Map<String, int[]> reported = new TreeMap<>();
    for (JsonNode row : LetterJson.mapper().readTree(run.out()).get("rows")) {
      reported.put(row.get("drug_class").isNull() ? "(none)" : row.get("drug_class").asText(), new int[] {row.get("decisions").asInt(), row.get("upheld").asInt()});
    }
    assertEquals(truth.keySet(), reported.keySet());
    truth.forEach((k, v) -> assertEquals(java.util.Arrays.toString(v), java.util.Arrays.toString(reported.get(k)), k));
  }
}
