package org.imrindex.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The record comparison's diff names each differing field, and nothing when the trees are equal. */
class JsonDiffTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void namesEachDifferingFieldByItsPointer() throws Exception {
    var expected = JSON.readTree("{\"a\": 1, \"d\": [{\"o\": \"upheld\"}, {\"o\": \"upheld\"}], \"s\": null, \"gone\": true}");
    var actual = JSON.readTree("{\"a\": 1, \"d\": [{\"o\": \"overturned\"}], \"s\": \"x\", \"extra\": 2}");
    assertEquals(List.of(
        "/d/0/o: expected \"upheld\", got \"overturned\"",
        "/d/1: expected {\"o\":\"upheld\"}, missing",
        "/s: expected null, got \"x\"",
        "/gone: expected true, missing",
        "/extra: not expected, got 2"), JsonDiff.of(expected, actual));
  }

  @Test
  void equalTreesHaveNoDifferences() throws Exception {
    var tree = JSON.readTree("{\"a\": [1, {\"b\": null}]}");
    assertEquals(List.of(), JsonDiff.of(tree, tree.deepCopy()));
  }
}
