package org.imrindex.query;

import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.imrindex.schema.IndexField;

/**
 * IMR case numbers ({@code CM15-0000077}: the year and a sequence) as people type them, in any case,
 * and the query that finds their letter's decisions: a letter's id is its case number, indexed on
 * the letter and on each of its decisions.
 */
public final class CaseNumbers {

  private static final Pattern CASE = Pattern.compile("(?i)CM\\d{2}-\\d{7}");
  /** A prefix a person would type for a year's letters or a range of them: {@code CM15}, {@code CM15-00000}. */
  private static final Pattern PREFIX = Pattern.compile("(?i)CM\\d{2}(-\\d{0,7})?");

  private static final Pattern IN_TEXT = Pattern.compile("(?i)(?<![\\w-])CM\\d{2}-\\d{7}(?![\\w-])");

  private CaseNumbers() {}

  /** The case numbers among words, and the words without them. */
  record Split(java.util.List<String> caseNumbers, String rest) {}

  static Split split(String text) {
    java.util.List<String> found = new java.util.ArrayList<>();
    java.util.regex.Matcher m = IN_TEXT.matcher(text);
    StringBuilder rest = new StringBuilder();
    while (m.find()) {
      found.add(m.group());
      m.appendReplacement(rest, " ");
    }
    m.appendTail(rest);
    return new Split(found, rest.toString().strip());
  }

  /** True when {@code text} (trimmed) is one whole case number. */
  public static boolean isCaseNumber(String text) {
    return text != null && CASE.matcher(text.strip()).matches();
  }

  static boolean isCaseNumberPrefix(String text) {
    return text != null && PREFIX.matcher(text.strip()).matches();
  }

  /** The case number as the letters print it: upper case. */
  public static String normalize(String text) {
    return text.strip().toUpperCase(Locale.ROOT);
  }

  /** The decisions (and letter) of one case. */
  static Query query(String caseNumber) {
    return new TermQuery(new Term(IndexField.LETTER_ID.fieldName(), normalize(caseNumber)));
  }

  static Query prefixQuery(String prefix) {
    return new PrefixQuery(new Term(IndexField.LETTER_ID.fieldName(), normalize(prefix)));
  }
}
