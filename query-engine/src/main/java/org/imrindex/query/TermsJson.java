package org.imrindex.query;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.imrindex.model.LetterJson;

/** A terms result as the JSON {@code imr terms --format json} prints (and {@code --save} keeps as the result). */
public final class TermsJson {

  private TermsJson() {}

  /** Both sides' sizes, the template left out, and each side's typical terms. */
  public static ObjectNode of(TermsResult r) {
    ObjectNode o = LetterJson.mapper().createObjectNode();
    o.putObject(r.labelA()).put("decisions", r.decisionsA()).put("tokens", r.tokensA());
    o.putObject(r.labelB()).put("decisions", r.decisionsB()).put("tokens", r.tokensB());
    ObjectNode template = o.putObject("template_left_out").put("terms", r.templateLeftOut());
    r.templateExamples().forEach(template.putArray("most_frequent")::add);
    side(o.putArray("typical_of_" + r.labelA()), r.forA(), r);
    side(o.putArray("typical_of_" + r.labelB()), r.forB(), r);
    return o;
  }

  private static void side(ArrayNode a, List<TermsResult.TermScore> terms, TermsResult r) {
    for (TermsResult.TermScore t : terms) {
      a.addObject().put("term", t.term()).put("count_" + r.labelA(), t.countA()).put("count_" + r.labelB(), t.countB())
          .put("log_odds", Math.round(t.logOdds() * 10_000) / 10_000.0).put("z", Math.round(t.z() * 1000) / 1000.0);
    }
  }
}
