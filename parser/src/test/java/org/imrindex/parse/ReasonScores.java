package org.imrindex.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.imrindex.model.Decision;
import org.imrindex.model.DeterminationLetter;
import org.imrindex.model.Reason;
import org.imrindex.model.ReasonCode;

/**
 * The parser's reasons scored against a folder of hand labels (corpus-samples/expected/reasons/SET/CASE.json,
 * as the labellers wrote them): each labelled letter is parsed from its text (corpus-samples/real-letters
 * or corpus-samples/reason-letters), decisions are matched by position (the label's {@code n}), and each
 * code counts true positives, false positives and false negatives over the decisions.
 */
final class ReasonScores {

  /** The counts of one code. */
  record Count(int tp, int fp, int fn) {

    double precision() {
      return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
    }

    double recall() {
      return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    int support() {
      return tp + fn;
    }
  }

  /** One disagreement, for reading: the decision, the code, and the sentence (the parser's, or the label's evidence). */
  record Miss(String decision, ReasonCode code, boolean falsePositive, String sentence) {}

  /** Scores of one set: per code, the letters and decisions read, and the disagreements. */
  record Result(Map<ReasonCode, Count> counts, int letters, int decisions, List<Miss> misses) {

    Count micro() {
      int tp = 0;
      int fp = 0;
      int fn = 0;
      for (Count c : counts.values()) {
        tp += c.tp();
        fp += c.fp();
        fn += c.fn();
      }
      return new Count(tp, fp, fn);
    }

    /** A table of the figures: one line per code (P, R, F1, support, tp/fp/fn), then micro. */
    String table() {
      StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%d letters, %d decisions%n", letters, decisions));
      sb.append(String.format(Locale.ROOT, "%-27s %5s %5s %5s %7s %4s %4s %4s%n", "code", "P", "R", "F1", "support", "tp", "fp", "fn"));
      counts.forEach((code, c) -> sb.append(line(code.toString(), c)));
      sb.append(line("micro", micro()));
      return sb.toString();
    }

    private static String line(String name, Count c) {
      return String.format(Locale.ROOT, "%-27s %5.2f %5.2f %5.2f %7d %4d %4d %4d%n", name, c.precision(), c.recall(), c.f1(),
          c.support(), c.tp(), c.fp(), c.fn());
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private ReasonScores() {}

  /** The hand-label folder of a set ("dev", "held-out"). */
  static Path labels(String set) {
    return BundledLetters.corpus().resolve("expected").resolve("reasons").resolve(set);
  }

  /** The label files of a folder, sorted; none when the folder is absent. */
  static List<Path> labelFiles(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    }
  }

  /** The text of a labelled letter: in corpus-samples/real-letters, else in corpus-samples/reason-letters. */
  static Path letter(String caseNumber) {
    Path real = BundledLetters.corpus().resolve("real-letters").resolve(caseNumber + ".txt");
    return Files.exists(real) ? real : BundledLetters.corpus().resolve("reason-letters").resolve(caseNumber + ".txt");
  }

  static Result score(Path folder) throws Exception {
    LetterParser parser = new LetterParser();
    Map<ReasonCode, int[]> n = new EnumMap<>(ReasonCode.class);
    for (ReasonCode c : ReasonCode.values()) {
      n.put(c, new int[3]);
    }
    List<Miss> misses = new ArrayList<>();
    int letters = 0;
    int decisions = 0;
    for (Path file : labelFiles(folder)) {
      JsonNode label = JSON.readTree(file.toFile());
      String caseNumber = label.get("case").asText();
      DeterminationLetter parsed = parser.parse(letter(caseNumber));
      letters++;
      for (JsonNode d : label.get("decisions")) {
        decisions++;
        int pos = d.get("n").asInt();
        Decision decision = pos >= 1 && pos <= parsed.decisions().size() ? parsed.decisions().get(pos - 1) : null;
        Set<ReasonCode> want = EnumSet.noneOf(ReasonCode.class);
        d.get("reasons").forEach(r -> want.add(ReasonCode.of(r.asText())));
        Map<ReasonCode, String> got = new EnumMap<>(ReasonCode.class);
        if (decision != null) {
          for (Reason r : decision.reasons()) {
            got.put(r.code(), r.sentence());
          }
        }
        String where = caseNumber + "#" + pos;
        for (ReasonCode c : ReasonCode.values()) {
          int[] k = n.get(c);
          boolean w = want.contains(c);
          boolean g = got.containsKey(c);
          if (w && g) {
            k[0]++;
          } else if (g) {
            k[1]++;
            misses.add(new Miss(where, c, true, got.get(c)));
          } else if (w) {
            k[2]++;
            JsonNode ev = d.path("evidence").path(c.toString());
            misses.add(new Miss(where, c, false, ev.isMissingNode() ? "" : ev.asText()));
          }
        }
      }
    }
    Map<ReasonCode, Count> counts = new EnumMap<>(ReasonCode.class);
    n.forEach((c, k) -> counts.put(c, new Count(k[0], k[1], k[2])));
    return new Result(counts, letters, decisions, List.copyOf(misses));
  }
}
