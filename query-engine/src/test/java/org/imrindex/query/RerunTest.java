package org.imrindex.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.imrindex.model.LetterJson;
import org.junit.jupiter.api.Test;

/** Which rows of two hand-written results {@link Rerun#changes} says differ. */
class RerunTest {

  private static JsonNode json(String s) throws Exception {
    return LetterJson.mapper().readTree(s.replace('\'', '"'));
  }

  @Test
  void aReportsRowsDifferByTheirCountsNotTheirShare() throws Exception {
    JsonNode before = json("{'by':['drug_class'],'total':{'decisions':10,'upheld':8},'hidden':0,'rows':["
        + "{'drug_class':'opioid','decisions':6,'upheld':5,'share':0.6},"
        + "{'drug_class':null,'decisions':4,'upheld':3,'share':0.4}]}");
    JsonNode after = json("{'by':['drug_class'],'total':{'decisions':12,'upheld':9},'hidden':1,'rows':["
        + "{'drug_class':'opioid','decisions':6,'upheld':5,'share':0.5},"
        + "{'drug_class':null,'decisions':5,'upheld':4,'share':0.4167},"
        + "{'drug_class':'nsaid','decisions':1,'upheld':0,'share':0.0833}]}");
    List<Rerun.RowChange> changes = Rerun.changes(before, after);
    assertEquals(List.of("total", "hidden", "drug_class=(none)", "drug_class=nsaid"), changes.stream().map(Rerun.RowChange::key).toList());
    assertEquals(json("{'drug_class':null,'decisions':4,'upheld':3}"), changes.get(2).before());
    assertEquals(null, changes.get(3).before());
  }

  @Test
  void aSearchsHitsAreNamedByLetterAndDecisionAndARowGoneHasNoAfter() throws Exception {
    JsonNode before = json("{'total':2,'offset':0,'hits':[{'letter_id':'CM18-0077001','decision_no':0,'score':1.5},"
        + "{'letter_id':'e1161fc4a41c48162994a88e7bce2eeb','decision_no':1,'score':0.5}],'facets':{'outcome':[{'value':'upheld','count':2}]}}");
    JsonNode after = json("{'total':1,'offset':0,'hits':[{'letter_id':'CM18-0077001','decision_no':0,'score':1.5}],"
        + "'facets':{'outcome':[{'value':'upheld','count':1}]}}");
    List<Rerun.RowChange> changes = Rerun.changes(before, after);
    assertEquals(List.of("total", "hit e1161fc4a41c decision 2", "outcome=upheld"), changes.stream().map(Rerun.RowChange::key).toList());
    assertEquals("#2, score 0.5", changes.get(1).before().asText());
    assertEquals(null, changes.get(1).after());
  }
}
