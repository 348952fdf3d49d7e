package org.imrindex.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the heading of a partly authorised request ("X was the original request. Y was authorized by
 * the Claims Administrator. The remaining IMR eligible portion of the original request, Z is") into
 * its three parts, with the sentence patterns of {@code partial-authorization.txt}.
 */
final class PartialAuthorization {

  static final String RESOURCE = "partial-authorization.txt";

  /**
   * A heading read against the patterns.
   *
   * @param original the original request, or null when the heading has no such sentence
   * @param authorized what the claims administrator authorised, or null
   * @param item the portion the IMR decided, or the whole heading when it fits no pattern
   * @param problem why the heading was not read whole, or null
   */
  record Split(String original, String authorized, String item, String problem) {}

  private static final Pattern MENTIONS = Pattern.compile("(?i)\\boriginal\\s+request\\b");
  private static final Rules RULES = load();

  private PartialAuthorization() {}

  record Rules(List<Pattern> original, List<Pattern> authorized, List<Pattern> decided) {}

  /** True when a heading speaks of the original request, so it may be a partly authorised one. */
  static boolean mentionsOriginalRequest(CharSequence heading) {
    return MENTIONS.matcher(heading).find();
  }

  /**
   * True when the text starts with a later sentence of a partly authorised heading (what was
   * authorised, or the remaining portion) and not with its first, so the heading begins earlier.
   */
  static boolean startsMidHeading(String text) {
    if (firstMatch(RULES.original(), text, 0) != null) {
      return false;
    }
    return firstMatch(RULES.authorized(), text, 0) != null || wholeMatch(RULES.decided(), text, 0) != null;
  }

  /**
   * True when the text speaks of the original request but does not start with the sentence that
   * names it, so a line wrapped mid-sentence before it belongs to the same heading.
   */
  static boolean lacksItsStart(String text) {
    return mentionsOriginalRequest(text) && firstMatch(RULES.original(), text, 0) == null;
  }

  /** The heading's parts; null when the heading does not speak of an original request. */
  static Split split(String heading) {
    if (!mentionsOriginalRequest(heading)) {
      return null;
    }
    int pos = 0;
    Matcher original = firstMatch(RULES.original(), heading, pos);
    if (original != null) {
      pos = original.end();
    }
    Matcher authorized = firstMatch(RULES.authorized(), heading, pos);
    if (authorized != null) {
      pos = authorized.end();
    }
    Matcher decided = wholeMatch(RULES.decided(), heading, pos);
    String o = original == null ? null : original.group("text").strip();
    String a = authorized == null ? null : authorized.group("text").strip();
    if (decided != null) {
      String problem = o == null ? "partly authorised request without its 'original request' sentence" : null;
      return new Split(o, a, decided.group("text").strip(), problem);
    }
    if (o == null && a == null) {
      return new Split(null, null, heading, "heading mentions the original request in words not in " + RESOURCE + "; item kept whole");
    }
    String rest = heading.substring(pos).strip();
    return new Split(o, a, rest.isEmpty() ? heading : rest,
        "the decided portion of a partly authorised request is in words not in " + RESOURCE);
  }

  /** The first pattern that matches one sentence at pos, its period included. */
  private static Matcher firstMatch(List<Pattern> patterns, String text, int pos) {
    for (Pattern p : patterns) {
      Matcher m = p.matcher(text).region(pos, text.length());
      if (m.lookingAt()) {
        return m;
      }
    }
    return null;
  }

  private static Matcher wholeMatch(List<Pattern> patterns, String text, int pos) {
    for (Pattern p : patterns) {
      Matcher m = p.matcher(text).region(pos, text.length());
      if (m.matches()) {
        return m;
      }
    }
    return null;
  }

  private static Rules load() {
    return parse(RuleFile.resource(PartialAuthorization.class, RESOURCE));
  }

  static Rules parse(String text) {
    List<Pattern> original = new ArrayList<>();
    List<Pattern> authorized = new ArrayList<>();
    List<Pattern> decided = new ArrayList<>();
    for (RuleFile.Line l : RuleFile.lines(RESOURCE, text, "kind | pattern")) {
      int no = l.number();
      String kind = l.key().toLowerCase(Locale.ROOT);
      String regex = l.value();
      if (!regex.contains("(?<text>")) {
        throw new IllegalArgumentException(RESOURCE + " line " + no + ": the pattern has no group named text");
      }
      int flags = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
      switch (kind) {
        // one sentence: up to its period and the space after it (or the end of the heading)
        case "original" -> original.add(Pattern.compile(regex + "\\s*\\.(?:\\s+|$)", flags));
        case "authorized" -> authorized.add(Pattern.compile(regex + "\\s*\\.(?:\\s+|$)", flags));
        case "decided" -> decided.add(Pattern.compile(regex + "\\s*", flags));
        default -> throw new IllegalArgumentException(RESOURCE + " line " + no + ": unknown kind '" + kind + "'");
      }
    }
    if (original.isEmpty() || decided.isEmpty()) {
      throw new IllegalArgumentException(RESOURCE + ": needs at least one original and one decided pattern");
    }
    return new Rules(List.copyOf(original), List.copyOf(authorized), List.copyOf(decided));
  }
}
