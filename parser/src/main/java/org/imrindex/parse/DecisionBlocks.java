package org.imrindex.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imrindex.model.Outcome;

/**
 * Cuts the decision section of the standard, cover and documents-reviewed layouts into blocks: an
 * item line ("Norco 10/325mg#120: Upheld", or a numbered or plain "… is (not) medically necessary
 * and appropriate" statement), then labelled citations and a rationale.
 */
final class DecisionBlocks {

  private enum Field { NONE, CLAIMS, REVIEWER, RATIONALE }

  private static final Pattern CLAIMS = Pattern.compile(
      "(?i)^(?:claims\\s+administrator(?:'s)?\\s+guidelines?\\s*(?:\\(s\\))?|guidelines?\\s*(?:\\(s\\))?\\s+(?:cited|relied\\s+upon|used)\\s+by\\s+(?:the\\s+)?claims\\s+administrator)\\s*:\\s*(.*)$");
  private static final Pattern REVIEWER = Pattern.compile(
      "(?i)^(?:(?:maximus|imr|expert\\s+reviewer(?:'s)?|reviewer(?:'s)?|physician\\s+reviewer(?:'s)?)\\s+guidelines?\\s*(?:\\(s\\))?"
          + "|guidelines?\\s*(?:\\(s\\))?\\s+relied\\s+upon(?:\\s+by\\s+[^:]{1,50})?)\\s*:\\s*(.*)$");
  private static final Pattern RATIONALE = Pattern.compile(
      "(?i)^(?:decision\\s+)?rationale\\s*(?:\\(s\\))?(?:\\s+for\\s+(?:the\\s+)?decision)?\\s*:\\s*(.*)$");
  private static final Pattern OUTCOME_COLON = Pattern.compile("(?i)^(.*?)\\s*[:\\-]\\s*(upheld|overturned)\\s*\\.?$");
  private static final Pattern STATEMENT_END = Pattern.compile(
      "(?i)(?:\\b(?:is|are|was|were)\\s+(not\\s+)?medically\\s+necessary(?:\\s+(?:and|or)\\s+appropriate)?"
          + "|\\b(?:is|are|was|were)\\s+(upheld|overturned))\\s*[.?]?$");
  private static final Pattern STATEMENT_ITEM = Pattern.compile(
      "(?i)^(?:(?:the\\s+)?(?:(?:prospective|retrospective|concurrent)\\s+)?(?:request(?:ed)?\\s+(?:for\\s+)?(?:an?\\s+|the\\s+)?))?(.*?)\\s*,?\\s+(?:is|are|was|were)\\s+(?:not\\s+)?(?:medically|upheld|overturned).*$");
  private static final Pattern ENDS_SENTENCE = Pattern.compile("[.!?:\"')]$");
  private static final Pattern CONNECTOR_END = Pattern.compile("(?i)(?:\\b(?:on|of|for|with|and|to|the|per|x|at|in|from|dated)|[,&/(#-])$");

  private DecisionBlocks() {}

  private record ItemStart(String item, Outcome outcome, int lineCount, boolean takesPreviousLine) {}

  private static final class Block {
    final String item;
    final Outcome outcome;
    final List<String> unlabeled = new ArrayList<>();
    final List<String> claims = new ArrayList<>();
    final List<String> reviewer = new ArrayList<>();
    final List<String> rationale = new ArrayList<>();

    Block(String item, Outcome outcome) {
      this.item = item;
      this.outcome = outcome;
    }

    List<String> of(Field f) {
      return switch (f) {
        case NONE -> unlabeled;
        case CLAIMS -> claims;
        case REVIEWER -> reviewer;
        case RATIONALE -> rationale;
      };
    }

    RawDecision toRaw() {
      List<String> why = new ArrayList<>(unlabeled);
      why.addAll(rationale);
      return new RawDecision(item, outcome, Text.join(claims), Text.join(reviewer), Text.join(why));
    }
  }

  static List<RawDecision> parse(List<String> lines) {
    List<Block> blocks = new ArrayList<>();
    List<String> intro = new ArrayList<>();
    Block current = null;
    Field field = Field.NONE;
    List<String> lastList = intro;
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      ItemStart start = itemAt(lines, i, blocks.size() + 1);
      if (start != null) {
        String item = start.item();
        if (start.takesPreviousLine() && !lastList.isEmpty()) {
          String previous = lastList.remove(lastList.size() - 1);
          item = Text.join(List.of(stripNumber(previous), item));
        }
        current = new Block(item, start.outcome());
        blocks.add(current);
        field = Field.NONE;
        lastList = current.unlabeled;
        i += start.lineCount();
        continue;
      }
      Field label = Field.NONE;
      Matcher m;
      if ((m = CLAIMS.matcher(line)).matches()) {
        label = Field.CLAIMS;
      } else if ((m = REVIEWER.matcher(line)).matches()) {
        label = Field.REVIEWER;
      } else if ((m = RATIONALE.matcher(line)).matches()) {
        label = Field.RATIONALE;
      }
      if (current == null) {
        intro.add(line);
        lastList = intro;
      } else if (label != Field.NONE) {
        field = label;
        lastList = current.of(field);
        if (!m.group(1).isBlank()) {
          lastList.add(m.group(1));
        }
      } else {
        lastList = current.of(field);
        lastList.add(line);
      }
      i++;
    }
    List<RawDecision> out = new ArrayList<>();
    for (Block b : blocks) {
      out.add(b.toRaw());
    }
    return out;
  }

  private static ItemStart itemAt(List<String> lines, int i, int expectedNumber) {
    String line = lines.get(i);
    if (isLabel(line)) {
      return null;
    }
    Matcher colon = OUTCOME_COLON.matcher(line);
    if (colon.matches()) {
      String prefix = stripNumber(colon.group(1).strip());
      Outcome outcome = outcomeWord(colon.group(2));
      // the item wrapped onto this line only if the line before is unfinished: no sentence or
      // intro ends there, and it ends on a connector or this line continues in lower case
      String before = i > 0 ? lines.get(i - 1) : "";
      boolean previous = i > 0 && !isLabel(before) && !ENDS_SENTENCE.matcher(before).find()
          && (prefix.isEmpty() || Character.isLowerCase(prefix.charAt(0)) || CONNECTOR_END.matcher(before).find());
      return new ItemStart(prefix, outcome, 1, previous);
    }
    Matcher number = Text.NUMBERED.matcher(line);
    boolean numbered = number.matches();
    boolean afterSentence = i == 0 || ENDS_SENTENCE.matcher(lines.get(i - 1)).find();
    if (!numbered && !afterSentence) {
      return null;
    }
    StringBuilder joined = new StringBuilder();
    for (int j = i; j < Math.min(lines.size(), i + 4); j++) {
      if (j > i && (isLabel(lines.get(j)) || Text.NUMBERED.matcher(lines.get(j)).matches())) {
        return null;
      }
      if (j > i) {
        joined.append(' ');
      }
      joined.append(lines.get(j));
      Matcher end = STATEMENT_END.matcher(joined);
      if (!end.find()) {
        continue;
      }
      boolean labelFollows = j + 1 < lines.size() && isLabel(lines.get(j + 1));
      boolean expected = numbered && Integer.parseInt(number.group(1)) == expectedNumber;
      String lower = joined.toString().toLowerCase(java.util.Locale.ROOT);
      boolean appropriate = lower.contains("appropriate") || end.group(2) != null;
      boolean andAppropriate = lower.contains("and appropriate") || end.group(2) != null;
      // a plain sentence is an item only with the template's wording and a label right after it,
      // so a rationale's closing "… is not medically necessary." never starts a new item
      boolean accepted = numbered ? (expected && appropriate) || labelFollows : labelFollows && andAppropriate;
      if (!accepted) {
        continue; // "… is medically necessary" may wrap before "and appropriate."
      }
      Outcome outcome;
      if (end.group(2) != null) {
        outcome = outcomeWord(end.group(2));
      } else {
        outcome = end.group(1) != null ? Outcome.UPHELD : Outcome.OVERTURNED;
      }
      return new ItemStart(statementItem(stripNumber(joined.toString())), outcome, j - i + 1, false);
    }
    return null;
  }

  private static String statementItem(String statement) {
    Matcher m = STATEMENT_ITEM.matcher(statement);
    return m.matches() ? m.group(1).strip() : statement;
  }

  static String stripNumber(String s) {
    Matcher m = Text.NUMBERED.matcher(s);
    return m.matches() ? m.group(2).strip() : s;
  }

  private static Outcome outcomeWord(String w) {
    return w.toLowerCase(java.util.Locale.ROOT).startsWith("upheld") ? Outcome.UPHELD : Outcome.OVERTURNED;
  }

  static boolean isLabel(String line) {
    return CLAIMS.matcher(line).matches() || REVIEWER.matcher(line).matches() || RATIONALE.matcher(line).matches();
  }
}
