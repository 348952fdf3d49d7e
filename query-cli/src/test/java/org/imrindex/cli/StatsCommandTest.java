package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.imrindex.model.LetterJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** imr stats: exact output (the size and commit time, which vary, replaced). */
class StatsCommandTest {

  private static final ObjectMapper JSON = LetterJson.mapper();

  @TempDir
  Path tmp;

  @Test
  void statsCountsTheLettersWithParseWarningsAndTheirDecisions() throws IOException {
    Path index = tmp.resolve("index");
    assertEquals(0, Fixtures.imr("index", "--index", index.toString(), "--quiet",
        Fixtures.seedsAndALetterWithWarning(tmp).toString()).exit());

    Fixtures.Run run = Fixtures.imr("stats", "--index", index.toString());

    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.err());
    // 5 seeds (12 decisions, 1 overturned) and the letter whose second heading is lost (upheld, overturned);
    // the distinct values counted over their expected records (the fixture adds tramadol, "other", OR, WA…; its two
    // citations add the topics "MTUS Chronic Pain: Opioids" and "…: Physical medicine treatment" to the seeds' six)
    // reason: all nine codes and none, each checked by reading the sentence imr show gives for it
    assertEquals("""
        letters                 6   with parse warnings 1 (2 decisions)
        decisions              14   upheld 12 (85.7%), overturned 2
        index size   SIZE bytes
        last commit  TIME   (imr VERSION)
        distinct values per dimension:
          outcome                   2
          drug                     10
          drug_class                4
          service_category          2
          specialty                 6
          licensure_state          10
          mtus_page                19
          guideline_source          1
          guideline_document        1
          guideline_topic           8
          injury_year               6
          decision_year             0
          decision_month            0
          decision_quarter          0
          layout                    1
          parse_warnings            2
          ur_modification           1
          reason                   10
        """, run.out().replaceFirst("index size +[0-9,]+ bytes", "index size   SIZE bytes")
            .replaceFirst("last commit  \\S+   \\(imr [^)]+\\)", "last commit  TIME   (imr VERSION)"));

    JsonNode json = JSON.readTree(Fixtures.imr("stats", "--index", index.toString(), "--format", "json").out());
    assertEquals(1, json.get("letters_with_parse_warnings").asInt());
    assertEquals(2, json.get("decisions_in_letters_with_parse_warnings").asInt());
    assertEquals(2, json.get("dims").get("parse_warnings").asInt());
  }

  @Test
  void aCorpusReadWholeHasNoLetterWithParseWarnings() throws IOException {
    Fixtures.Run run = Fixtures.imr("stats", "--index", Fixtures.corpusIndex());
    assertEquals(0, run.exit(), run.err());
    assertEquals("letters                20   with parse warnings 0 (0 decisions)", run.out().lines().findFirst().orElseThrow());
  }
}
