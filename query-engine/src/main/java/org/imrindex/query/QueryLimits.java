package org.imrindex.query;

import java.time.Duration;
import java.util.Locale;
import org.apache.lucene.util.automaton.RegExp;

/**
 * The bounds on the work one query may ask for, checked before Lucene builds anything from it:
 * every query is answered in bounded time, or refused with a one-line reason.
 */
public final class QueryLimits {

  /** The longest query, in characters. */
  public static final int MAX_QUERY_CHARS = 4_000;

  /** The deepest nesting of parentheses. */
  public static final int MAX_NESTING = 32;

  /**
   * The most clauses a parsed query may hold (every field a word searches, every synonym): half of
   * {@link QueryIndex#MAX_CLAUSES}, so that the filters and joins added around it always fit.
   */
  public static final int MAX_CLAUSES = QueryIndex.MAX_CLAUSES / 2;

  /** The most wildcard, prefix, fuzzy and regular-expression terms in one query. */
  public static final int MAX_PATTERN_TERMS = 32;

  /** The longest regular expression or wildcard pattern, in characters. */
  public static final int MAX_PATTERN_CHARS = 256;

  /**
   * The largest automaton a regular expression may expand to before determinization, estimated from
   * its syntax: counted repetition multiplies ({@code (a{1,50}){1,50}} is 2,500), so a short
   * expression cannot make Lucene build millions of states.
   */
  public static final int MAX_REGEX_SIZE = 2_000;

  /** Lucene's bound on the work of determinizing one automaton (wildcards and regular expressions). */
  public static final int DETERMINIZE_WORK_LIMIT = org.apache.lucene.util.automaton.Operations.DEFAULT_DETERMINIZE_WORK_LIMIT;

  /** The most expansions of one fuzzy term. */
  public static final int MAX_FUZZY_EXPANSIONS = 50;

  /** The deepest hit a search can show: offset plus limit (Elasticsearch's max_result_window). */
  public static final int MAX_RESULT_WINDOW = 10_000;

  /** The most terms per side {@code imr terms} lists. */
  public static final int MAX_TERMS = 1_000;

  /**
   * The time a search may take before it is stopped: 10 s, or the system property
   * {@code imr.query.budget.seconds} (the test build raises it, so a busy machine cannot fail a test).
   */
  public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(Math.max(1, Long.getLong("imr.query.budget.seconds", 10)));

  private QueryLimits() {}

  /** Checks the query's length and nesting before it is parsed. */
  static void checkQueryText(String query) throws QueryLimitException {
    if (query.length() > MAX_QUERY_CHARS) {
      throw new QueryLimitException(String.format(Locale.ROOT, "the query is %,d characters long; at most %,d are allowed",
          query.length(), MAX_QUERY_CHARS));
    }
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '(' && ++depth > MAX_NESTING) {
        throw new QueryLimitException("the query nests parentheses more than " + MAX_NESTING + " deep");
      } else if (!quoted && c == ')') {
        depth = Math.max(0, depth - 1);
      }
    }
  }

  /** Checks one wildcard or prefix pattern. */
  static void checkPattern(String pattern) throws QueryLimitException {
    if (pattern.length() > MAX_PATTERN_CHARS) {
      throw new QueryLimitException(String.format(Locale.ROOT, "a wildcard pattern of %,d characters; at most %d are allowed",
          pattern.length(), MAX_PATTERN_CHARS));
    }
  }

  /**
   * Checks one regular expression (as the query parser reads it, {@code flags}) before any automaton
   * is built: its length, and the size its counted repetitions expand to.
   */
  static void checkRegex(String regex, int flags) throws QueryLimitException {
    if (regex.length() > MAX_PATTERN_CHARS) {
      throw new QueryLimitException(String.format(Locale.ROOT, "a regular expression of %,d characters; at most %d are allowed",
          regex.length(), MAX_PATTERN_CHARS));
    }
    RegExp parsed;
    try {
      parsed = new RegExp(regex, flags); // parsing only: no automaton yet
    } catch (IllegalArgumentException | StackOverflowError e) {
      String why = e.getMessage() == null ? "invalid" : e.getMessage().lines().findFirst().orElse("invalid");
      throw new QueryLimitException("invalid regular expression /" + regex + "/: " + why);
    }
    if (size(parsed) > MAX_REGEX_SIZE) {
      throw new QueryLimitException("the regular expression /" + regex + "/ is too complex: its counted repetitions expand to"
          + " more than " + String.format(Locale.ROOT, "%,d", MAX_REGEX_SIZE) + " states; use smaller {n,m} bounds or fewer nested ones");
    }
  }

  /** An estimate of the states of the automaton {@code r} becomes, saturating above the limit. */
  static long size(RegExp r) {
    long s = switch (r.kind) {
      case REGEXP_UNION, REGEXP_CONCATENATION -> size(r.exp1) + size(r.exp2);
      case REGEXP_INTERSECTION -> size(r.exp1) * size(r.exp2);
      case REGEXP_OPTIONAL, REGEXP_REPEAT -> size(r.exp1) + 1;
      case REGEXP_REPEAT_MIN -> size(r.exp1) * ((long) r.min + 1);
      case REGEXP_REPEAT_MINMAX -> size(r.exp1) * Math.max(1L, Math.max(r.min, r.max));
      case REGEXP_COMPLEMENT, REGEXP_DEPRECATED_COMPLEMENT -> size(r.exp1) + 1;
      case REGEXP_STRING -> Math.max(1, r.s.length());
      case REGEXP_INTERVAL -> 10L * Math.max(1, Math.max(r.digits, Integer.toString(Math.max(Math.abs(r.min), Math.abs(r.max))).length()));
      default -> 1;
    };
    return Math.min(s, MAX_REGEX_SIZE + 1L);
  }
}
