package org.imrindex.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imrindex.model.Outcome;

/**
 * Cuts the decision section of the standard, cover and documents-reviewed layouts into blocks: an
 * outcome statement ("Norco 10/325mg#120: Upheld", the outcome alone under its heading, or a
 * numbered or plain "… is (not) medically necessary and appropriate" statement), then labelled
 * citations and a rationale. Blocks start at outcome statements, not at recognised items: the item
 * heading is read back from its outcome over the lines it wraps, so a heading that cannot be read
 * costs its item text, never the decision.
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
  /** The outcome alone on its line, its heading on the line before ("… total hip arthroplasty:" / "Overturned"). */
  private static final Pattern OUTCOME_ALONE = Pattern.compile("(?i)^(upheld|overturned)\\s*\\.?$");
  /** A rationale's conclusion: a line with it ends the previous block, not a wrapped heading. */
  private static final Pattern CONCLUSION = Pattern.compile(
      "(?i)\\bmedically\\s+(?:necessary|appropriate|indicated|reasonable)\\b|\\bnon-?certified\\b|\\bnot\\s+(?:certified|recommended|supported|warranted)\\b");
  /** The sentence that introduces the decisions ("… the disputed items/services set forth below:"). */
  private static final Pattern INTRO = Pattern.compile("(?i)\\bset\\s+forth\\s+below\\s*:?$|^the\\s+final\\s+determination\\s+was\\s+based\\s+on\\b");
  private static final Pattern STATEMENT_END = Pattern.compile(
      "(?i)(?:\\b(?:is|are|was|were)\\s+(not\\s+)?medically\\s+necessary(?:\\s+(?:and|or)\\s+appropriate)?"
          + "|\\b(?:is|are|was|were)\\s+(upheld|overturned))\\s*[.?]?$");
  private static final Pattern STATEMENT_ITEM = Pattern.compile(
      "(?i)^(?:(?:the\\s+)?(?:(?:prospective|retrospective|concurrent)\\s+)?(?:request(?:ed)?\\s+(?:for\\s+)?(?:an?\\s+|the\\s+)?))?(.*?)\\s*,?\\s+(?:is|are|was|were)\\s+(?:not\\s+)?(?:medically|upheld|overturned).*$");
  /** Farthest from the end of the text a {@link #STATEMENT_END} match can start (it is under 60 characters). */
  private static final int STATEMENT_REACH = 120;
  /** Where a heading cannot reach back past: a line ending a sentence or an intro (a period or colon, perhaps then a quote or bracket). */
  private static final Pattern HEADING_BOUNDARY = Pattern.compile("[.!?:][\"')\\]]*$");
  private static final Pattern CONNECTOR_END = Pattern.compile("(?i)(?:\\b(?:on|of|for|with|and|to|the|per|x|at|in|from|dated)|[,&/(#-])$");

  /** Most lines a heading is read back over from its outcome: a partly authorised request takes five. */
  private static final int MAX_HEADING_LINES = 8;

  private DecisionBlocks() {}

  private record ItemStart(String item, Outcome outcome, int lineCount) {}

  /** A decision heading read back from its outcome statement. */
  private record HeadingText(String text, int lineCount, String problem) {}

  private static final class Block {
    final String item;
    final String original;
    final String authorized;
    final Outcome outcome;
    final List<String> problems = new ArrayList<>();
    final List<String> unlabeled = new ArrayList<>();
    final List<String> claims = new ArrayList<>();
    final List<String> reviewer = new ArrayList<>();
    final List<String> rationale = new ArrayList<>();

    Block(String item, String original, String authorized, Outcome outcome) {
      this.item = item;
      this.original = original;
      this.authorized = authorized;
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
      return new RawDecision(item, original, authorized, outcome, Text.join(claims), Text.join(reviewer), Text.join(why), problems);
    }
  }

  /**
   * The decision blocks of a section's lines. Every outcome statement ("…: Upheld", an outcome alone
   * on its line, a numbered "… is not medically necessary" statement) starts a block, even when no
   * item heading can be read before it: that block's item is empty and it carries a problem.
   */
  static List<RawDecision> parse(List<String> lines) {
    List<Block> blocks = new ArrayList<>();
    List<String> intro = new ArrayList<>();
    Block current = null;
    Field field = Field.NONE;
    List<String> lastList = intro;
    // the first line a heading may reach back to, and whether a paragraph starts there (the section's
    // start or an item line) rather than in the middle of a label's text
    int floor = 0;
    boolean floorStartsParagraph = true;
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      Field label = Field.NONE;
      Matcher m = null;
      if (!mayBeLabel(line)) {
        m = null;
      } else if ((m = CLAIMS.matcher(line)).matches()) {
        label = Field.CLAIMS;
      } else if ((m = REVIEWER.matcher(line)).matches()) {
        label = Field.REVIEWER;
      } else if ((m = RATIONALE.matcher(line)).matches()) {
        label = Field.RATIONALE;
      }
      if (label == Field.NONE) {
        Matcher colon = outcomeColon(line);
        boolean alone = colon == null && OUTCOME_ALONE.matcher(line).matches();
        if (colon != null || alone) {
          Outcome outcome = outcomeWord(alone ? line.strip() : colon.group(2));
          String lastPart = alone ? null : colon.group(1).strip();
          HeadingText h = headingBefore(lines, i, floor, floorStartsParagraph, lastPart);
          int taken = h.lineCount() - 1;
          for (int k = 0; k < taken && !lastList.isEmpty(); k++) {
            lastList.remove(lastList.size() - 1);
          }
          current = block(h, outcome, alone ? line.strip() : colon.group(2));
          blocks.add(current);
          field = Field.NONE;
          lastList = current.unlabeled;
          i++;
          floor = i;
          floorStartsParagraph = true;
          continue;
        }
        ItemStart start = statementAt(lines, i, blocks.size() + 1);
        if (start != null) {
          current = new Block(start.item(), null, null, start.outcome());
          if (start.item().isEmpty()) {
            current.problems.add("item not found in the statement of its outcome");
          }
          blocks.add(current);
          field = Field.NONE;
          lastList = current.unlabeled;
          i += start.lineCount();
          floor = i;
          floorStartsParagraph = true;
          continue;
        }
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
      if (label != Field.NONE) {
        floor = i + 1;
        // a label's text is a paragraph: the next line starts one only if the label line ended it
        floorStartsParagraph = m.group(1).isBlank() || HEADING_BOUNDARY.matcher(line).find();
      }
      i++;
    }
    List<RawDecision> out = new ArrayList<>();
    for (Block b : blocks) {
      out.add(b.toRaw());
    }
    return out;
  }

  /** True when the line states an outcome the way a decision heading does. */
  static boolean isOutcomeStatement(String line) {
    return !isLabel(line) && (outcomeColon(line) != null || OUTCOME_ALONE.matcher(line).matches());
  }

  private static Block block(HeadingText h, Outcome outcome, String outcomeAsWritten) {
    String item = Text.trimItem(h.text());
    PartialAuthorization.Split split = PartialAuthorization.split(item);
    Block b = split == null ? new Block(item, null, null, outcome)
        : new Block(Text.trimItem(split.item()), split.original(), split.authorized(), outcome);
    if (h.problem() != null) {
      b.problems.add(h.problem());
    }
    if (b.item.isEmpty()) {
      b.problems.add("item heading not found before '" + outcomeAsWritten + "'");
    } else if (split != null && split.problem() != null) {
      b.problems.add(split.problem());
    }
    return b;
  }

  /**
   * The heading that ends at line i: its last part on line i before the outcome ({@code lastPart}),
   * or, when the outcome stands alone on line i, the line before it, which ends in a colon. Earlier
   * lines belong to the heading while they do not end a sentence or hold a rationale's conclusion,
   * and either the text after them continues in lower case or a digit, they end on a connector, or
   * a paragraph starts at most a line above them; a sentence end is crossed only inside a partly
   * authorised heading. Never reads back past floor.
   */
  private static HeadingText headingBefore(List<String> lines, int i, int floor, boolean floorStartsParagraph, String lastPart) {
    ArrayDeque<String> parts = new ArrayDeque<>();
    int first = i;
    if (lastPart != null) {
      if (!lastPart.isEmpty()) {
        parts.add(lastPart);
      }
    } else {
      String before = i - 1 >= floor ? lines.get(i - 1) : "";
      if (!before.endsWith(":") || before.length() < 2 || INTRO.matcher(before).find()) {
        return new HeadingText("", 1, null);
      }
      parts.add(before.substring(0, before.length() - 1));
      first = i - 1;
    }
    String problem = null;
    for (int j = first - 1; j >= floor; j--) {
      String prev = lines.get(j);
      if (!parts.isEmpty() && Text.NUMBERED.matcher(parts.peekFirst()).matches()) {
        break; // "2. Norco 10/325mg #120": a numbered line starts its heading
      }
      String sofar = String.join(" ", parts);
      boolean take;
      if (HEADING_BOUNDARY.matcher(prev).find() || INTRO.matcher(prev).find()) {
        // the earlier sentences of "X was the original request. Y was authorized …" end in periods
        take = prev.endsWith(".") && !sofar.isEmpty() && PartialAuthorization.startsMidHeading(sofar);
      } else if (sofar.isEmpty()) {
        take = true; // ": Upheld" on its own: the heading is the line before
      } else if (CONCLUSION.matcher(prev).find()) {
        take = false; // the previous rationale's last words, without their period
      } else {
        take = !Character.isUpperCase(sofar.charAt(0)) || CONNECTOR_END.matcher(prev).find()
            || paragraphStartsNear(lines, j, floor, floorStartsParagraph)
            || PartialAuthorization.lacksItsStart(sofar);
      }
      if (!take) {
        break;
      }
      if (i - j + 1 > MAX_HEADING_LINES) {
        problem = "item heading may be cut: it runs over more than " + MAX_HEADING_LINES + " lines";
        break;
      }
      parts.addFirst(prev);
      first = j;
    }
    if (parts.isEmpty()) {
      return new HeadingText("", i - first + 1, problem);
    }
    parts.addFirst(stripNumber(parts.removeFirst().strip()));
    String text = Text.join(List.copyOf(parts));
    return new HeadingText(text == null ? "" : text, i - first + 1, problem);
  }

  /**
   * True when a paragraph starts at line j or one line above it, with no rationale's conclusion
   * between: a heading wrapped over three lines may break before a capital ("… Menthol 2%" /
   * "Capsaicin 0.025% …") where nothing else says the lines belong together.
   */
  private static boolean paragraphStartsNear(List<String> lines, int j, int floor, boolean floorStartsParagraph) {
    for (int k = j; k >= Math.max(floor, j - 1); k--) {
      if (k == floor) {
        return floorStartsParagraph;
      }
      String above = lines.get(k - 1);
      if (HEADING_BOUNDARY.matcher(above).find() || INTRO.matcher(above).find()) {
        return true;
      }
      if (CONCLUSION.matcher(above).find()) {
        return false;
      }
    }
    return false;
  }

  /** The colon form "Norco 10/325mg #120: Upheld", tested cheaply on the line's end first. */
  private static Matcher outcomeColon(String line) {
    int end = line.length();
    while (end > 0 && (line.charAt(end - 1) == '.' || line.charAt(end - 1) == ' ')) {
      end--;
    }
    if (!(line.regionMatches(true, end - 6, "upheld", 0, 6) || line.regionMatches(true, end - 10, "overturned", 0, 10))) {
      return null;
    }
    Matcher m = OUTCOME_COLON.matcher(line);
    return m.matches() ? m : null;
  }

  private static final String[] OUTCOME_ENDINGS = {"necessary", "appropriate", "upheld", "overturned"};

  /** True when the text ends (before spaces and a period or question mark) with a word STATEMENT_END can end with. */
  static boolean endsWithOutcomeWord(CharSequence text) {
    int end = text.length();
    while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (end > 0 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '?')) {
      end--;
      while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
        end--;
      }
    }
    for (String w : OUTCOME_ENDINGS) {
      int start = end - w.length();
      if (start >= 0 && text.subSequence(start, end).toString().equalsIgnoreCase(w)) {
        return true;
      }
    }
    return false;
  }

  /** A numbered or plain "… is (not) medically necessary and appropriate" statement starting at line i. */
  private static ItemStart statementAt(List<String> lines, int i, int expectedNumber) {
    String line = lines.get(i);
    Matcher number = Text.NUMBERED.matcher(line);
    boolean numbered = number.matches();
    boolean afterSentence = i == 0 || endsSentence(lines.get(i - 1));
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
      if (!endsWithOutcomeWord(joined)) {
        continue; // a plain test first: the end-anchored pattern tries every position of the text
      }
      // the statement ends the text and is at most some 50 characters of single-spaced words (the
      // lines are collapsed): the search starts near the end, not at every position of the text
      Matcher end = STATEMENT_END.matcher(joined).useTransparentBounds(true).region(Math.max(0, joined.length() - STATEMENT_REACH), joined.length());
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
      return new ItemStart(statementItem(stripNumber(joined.toString())), outcome, j - i + 1);
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
    return mayBeLabel(line) && (CLAIMS.matcher(line).matches() || REVIEWER.matcher(line).matches() || RATIONALE.matcher(line).matches());
  }

  /**
   * A plain test that every label line passes: it has a colon and starts with the first letter of a
   * label's first word (claims, guideline, maximus, imr, expert, reviewer, physician, decision, rationale).
   */
  private static boolean mayBeLabel(String line) {
    return !line.isEmpty() && line.indexOf(':') > 0 && "cgmierpd".indexOf(Character.toLowerCase(line.charAt(0))) >= 0;
  }

  /** The line ends a sentence or a clause: its last character is one of . ! ? : " ' ) (the lines hold no line terminator). */
  private static boolean endsSentence(String line) {
    return !line.isEmpty() && ".!?:\"')".indexOf(line.charAt(line.length() - 1)) >= 0;
  }
}
