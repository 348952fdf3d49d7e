package org.imrindex.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.imrindex.model.LetterJson;
import org.junit.jupiter.api.Test;

/** The document aliases and topic names of guideline-citations.txt: the file loads, is consistent, and covers the bundled letters. */
class GuidelineCitationRulesTest {

  private final GuidelineCitations rules = GuidelineCitations.standard();

  @Test
  void theBundledRulesLoad() {
    String text = RuleFile.resource(GuidelineCitations.class, GuidelineCitations.RESOURCE);
    long documentLines = text.lines().filter(l -> l.strip().startsWith("document")).count();
    long topicLines = text.lines().filter(l -> l.strip().startsWith("topic")).count();
    assertEquals(documentLines, rules.documents().size());
    assertEquals(topicLines, new HashSet<>(rules.topics().values()).size(), "every topic line has its own name");
    // every family is there, the MTUS's own documents and the ACOEM chapters it adopted among them
    Set<GuidelineCitations.Family> families = new HashSet<>();
    rules.documents().forEach(d -> families.add(d.family()));
    assertEquals(Set.of(GuidelineCitations.Family.values()), families);
    assertTrue(rules.documents().stream().anyMatch(d -> d.name().equals("Chronic Pain Medical Treatment Guidelines")
        && d.family() == GuidelineCitations.Family.MTUS));
    assertTrue(rules.documents().stream().anyMatch(d -> d.name().equals("Low Back Complaints")
        && d.family() == GuidelineCitations.Family.MTUS_ACOEM));
  }

  @Test
  void everyCanonicalNameIsItsOwnTopicAndDocumentNamesAreDistinct() {
    for (String name : rules.topics().values()) {
      assertEquals(name, rules.topic(name), name);
      assertEquals(name, rules.topic(name.toUpperCase(java.util.Locale.ROOT)), name);
    }
    Set<String> names = new HashSet<>();
    for (GuidelineCitations.Document d : rules.documents()) {
      assertTrue(names.add(d.family().source() + " " + d.name()), "two documents named " + d.name());
      for (String a : d.aliases()) {
        assertEquals(a, a.strip());
        assertFalse(a.isEmpty());
      }
    }
  }

  @Test
  void aBadLineIsRefusedWithItsNumber() {
    String ok = "document | MTUS | Chronic Pain Medical Treatment Guidelines | chronic pain treatment\ntopic | Office visits |\n";
    GuidelineCitations parsed = GuidelineCitations.parse(ok);
    assertEquals(1, parsed.documents().size());
    assertEquals("Office visits", parsed.topic("office VISITS"));
    assertEquals("guideline-citations.txt line 3: unknown family 'AMA'", assertThrows(IllegalArgumentException.class,
        () -> GuidelineCitations.parse(ok + "document | AMA | Guides | guides\n")).getMessage());
    assertEquals("guideline-citations.txt line 3: aliases must be lowercase: 'Guides'", assertThrows(IllegalArgumentException.class,
        () -> GuidelineCitations.parse(ok + "document | ODG | Guides | Guides\n")).getMessage());
    assertEquals("guideline-citations.txt line 3: 'officevisits' is already the topic 'Office visits'",
        assertThrows(IllegalArgumentException.class, () -> GuidelineCitations.parse(ok + "topic | Visits | office visits\n")).getMessage());
    assertEquals("guideline-citations.txt line 3: a document's alias needs two characters at least",
        assertThrows(IllegalArgumentException.class, () -> GuidelineCitations.parse(ok + "document | ODG | Hand | h\n")).getMessage());
    assertEquals("guideline-citations.txt line 3: unknown kind 'section'",
        assertThrows(IllegalArgumentException.class, () -> GuidelineCitations.parse(ok + "section | Office visits\n")).getMessage());
    // one alias for two documents where both are looked for is ambiguous; in different families it is not
    assertThrows(IllegalArgumentException.class, () -> GuidelineCitations.parse(ok + "document | MTUS/ACOEM | Chronic Pain | chronic pain treatment\n"));
    assertEquals(2, GuidelineCitations.parse(ok + "document | ODG | Pain (Chronic) | chronic pain treatment\n").documents().size());
  }

  /**
   * The rules cover the bundled letters: every section of every expected record is a canonical topic
   * name (written by hand from the letters, so a spelling the rules miss shows here), and every
   * document but the other sources is a document line's name.
   */
  @Test
  void everySectionAndDocumentOfTheExpectedRecordsIsANameOfTheRules() throws IOException {
    ObjectMapper json = LetterJson.mapper();
    Set<String> documents = new HashSet<>();
    rules.documents().forEach(d -> documents.add(d.name()));
    Set<String> sections = new TreeSet<>();
    List<String> unknown = new ArrayList<>();
    int citations = 0;
    for (Path f : BundledLetters.expectedFiles()) {
      for (JsonNode d : json.readTree(f.toFile()).get("decisions")) {
        for (JsonNode c : d.get("guidelineCitations")) {
          citations++;
          if (!c.get("section").isNull()) {
            String s = c.get("section").asText();
            sections.add(s);
            if (!s.equals(rules.topics().get(GuidelineCitations.key(s)))) {
              unknown.add(f.getFileName() + ": section '" + s + "'");
            }
          }
          if (!c.get("document").isNull() && !documents.contains(c.get("document").asText())) {
            unknown.add(f.getFileName() + ": document '" + c.get("document").asText() + "'");
          }
        }
      }
    }
    assertEquals(List.of("CM17-0002324.json: section '326'"), unknown.stream().distinct().toList(),
        "only the letter's own '326' (a page number written as a section) is not a topic name");
    assertTrue(citations > 200, "citations: " + citations);
    assertTrue(sections.size() > 60, sections::toString);
  }
}
