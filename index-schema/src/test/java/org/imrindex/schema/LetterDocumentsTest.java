package org.imrindex.schema;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.imrindex.corpus.GeneratedLetter;
import org.imrindex.corpus.LetterGenerator;
import org.imrindex.model.DeterminationLetter;
import org.imrindex.model.Source;
import org.imrindex.model.LetterJson;
import org.imrindex.parse.LetterParser;
import org.junit.jupiter.api.Test;

class LetterDocumentsTest {

  /**
   * Ids of letters without a case number are SHA-256 hashes of the record without its source; indexes
   * built before the record was written without a tree hold ids of the tree's bytes, so both must agree.
   */
  @Test
  void theRecordWithoutSourceIsByteForByteTheTreeWithTheSourceRemoved() throws Exception {
    ObjectMapper json = LetterJson.mapper();
    LetterParser parser = new LetterParser();
    LetterGenerator generator = new LetterGenerator(11);
    int withoutCaseNumber = 0;
    int textsWithoutCaseNumber = 0;
    for (int i = 0; i < 300; i++) {
      GeneratedLetter g = generator.next();
      textsWithoutCaseNumber += java.util.regex.Pattern.compile("CM\\d{2}-\\d{7}").matcher(g.text()).find() ? 0 : 1;
      DeterminationLetter l = parser.parseText(g.text(), new Source("gen/" + g.name(), "abc", "text/plain", 2));
      ObjectNode tree = json.valueToTree(l);
      tree.remove("source");
      assertArrayEquals(json.writeValueAsBytes(tree), LetterDocuments.withoutSource(l), g.name());
      if (l.caseNumber() == null) {
        withoutCaseNumber++;
        assertEquals(64, LetterDocuments.letterId(l).length());
      } else {
        assertEquals(l.caseNumber(), LetterDocuments.letterId(l));
      }
    }
    // both kinds of id were checked: as many hashed ids as letters whose text has no case number
    assertEquals(textsWithoutCaseNumber, withoutCaseNumber);
    assertTrue(withoutCaseNumber > 0 && withoutCaseNumber < 300, "generated letters without a case number: " + withoutCaseNumber);
  }
}
