package org.imrindex.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.BitSet;
import org.apache.lucene.util.Bits;
import org.imrindex.model.Decision;
import org.imrindex.model.DeterminationLetter;
import org.imrindex.model.GuidelineCitation;
import org.imrindex.schema.IndexField;
import org.imrindex.schema.LetterDocuments;

/**
 * Looks through the stored records of the indexed letters for identifiers that redaction may have
 * missed (patterns per kind in {@code privacy-patterns.txt}), and says how many of each kind and in
 * which letters, never what they are.
 */
public final class PrivacyAudit {

  /** The resource's name, beside this class. */
  public static final String RESOURCE = "privacy-patterns.txt";

  /** The kinds, in the order they are reported. */
  public static final List<String> KINDS = List.of("ssn", "phone", "email", "claim_number", "street_address", "date_of_birth", "name");

  /**
   * The rules of a pattern file.
   *
   * @param patterns each kind's patterns, in {@link #KINDS} order
   * @param found per kind, samples its patterns must find
   * @param missed per kind, samples its patterns must not find
   */
  public record Rules(Map<String, List<Pattern>> patterns, Map<String, List<String>> found, Map<String, List<String>> missed) {}

  /**
   * What was found of one kind.
   *
   * @param kind the kind, e.g. {@code ssn}
   * @param found how many places in all records
   * @param letterIds the letters with at least one, sorted
   */
  public record Kind(String kind, long found, List<String> letterIds) {}

  /**
   * The audit of an index.
   *
   * @param letters letters scanned
   * @param lettersWithFindings letters with at least one finding of any kind
   * @param kinds every kind, in {@link #KINDS} order, found or not
   */
  public record Result(long letters, long lettersWithFindings, List<Kind> kinds) {}

  private static final Rules STANDARD = parse(read());

  private PrivacyAudit() {}

  /** The rules of the bundled resource. */
  public static Rules standard() {
    return STANDARD;
  }

  /** How many places of each kind the text holds (overlapping matches of one kind count once), keyed in {@link #KINDS} order. */
  public static Map<String, Integer> count(Rules rules, String text) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (String kind : KINDS) {
      out.put(kind, count(rules.patterns().get(kind), text));
    }
    return out;
  }

  private static int count(List<Pattern> patterns, String text) {
    if (text == null || text.isEmpty()) {
      return 0;
    }
    List<int[]> spans = new ArrayList<>();
    for (Pattern p : patterns) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        spans.add(new int[] {m.start(), m.end()});
      }
    }
    spans.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
    int n = 0;
    int end = -1;
    for (int[] s : spans) {
      if (s[0] >= end) {
        n++;
      }
      end = Math.max(end, s[1]);
    }
    return n;
  }

  /**
   * Every text field of a stored record, each on its own (a match never runs from one into the
   * next): the summary, the reviewer's credentials as written, the final determination's
   * explanation, each decision's item, original request, authorised part, both guideline texts, the
   * documents and sections of its citations and its rationale, and the warnings. The patient fields
   * are age, sex and date of injury, which hold no text.
   */
  public static List<String> texts(DeterminationLetter l) {
    List<String> out = new ArrayList<>();
    out.add(l.caseNumber());
    out.add(l.priority());
    out.add(l.summary());
    if (l.reviewer() != null) {
      out.add(l.reviewer().raw());
    }
    if (l.finalDetermination() != null) {
      out.add(l.finalDetermination().explanation());
    }
    for (Decision d : l.decisions()) {
      out.add(d.item());
      out.add(d.originalRequest());
      out.add(d.authorizedByClaimsAdministrator());
      out.add(d.claimsAdministratorGuideline());
      out.add(d.reviewerGuideline());
      for (GuidelineCitation c : d.guidelineCitations()) {
        out.add(c.document());
        out.add(c.section());
      }
      out.add(d.rationale());
    }
    out.addAll(l.warnings());
    out.removeIf(t -> t == null || t.isEmpty());
    return out;
  }

  /** Audits every letter of the index with the bundled rules. */
  public static Result run(QueryIndex index) throws IOException {
    return run(index, STANDARD);
  }

  /** Audits every letter of the index. */
  public static Result run(QueryIndex index, Rules rules) throws IOException {
    Map<String, long[]> found = new LinkedHashMap<>();
    Map<String, TreeSet<String>> letters = new LinkedHashMap<>();
    for (String kind : KINDS) {
      found.put(kind, new long[1]);
      letters.put(kind, new TreeSet<>());
    }
    TreeSet<String> withFindings = new TreeSet<>();
    long scanned = 0;
    for (LeafReaderContext leaf : index.searcher().getIndexReader().leaves()) {
      BitSet parents = index.letters().getBitSet(leaf);
      if (parents == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      StoredFields stored = leaf.reader().storedFields();
      int max = leaf.reader().maxDoc();
      int none = org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
      for (int doc = max == 0 ? none : parents.nextSetBit(0); doc != none; doc = doc + 1 < max ? parents.nextSetBit(doc + 1) : none) {
        index.checkCancelled();
        if (live != null && !live.get(doc)) {
          continue;
        }
        Document d = stored.document(doc);
        DeterminationLetter letter = LetterDocuments.record(d.getBinaryValue(IndexField.RECORD.fieldName()));
        String id = d.get(IndexField.LETTER_ID.fieldName());
        scanned++;
        for (String text : texts(letter)) {
          for (Map.Entry<String, Integer> e : count(rules, text).entrySet()) {
            if (e.getValue() > 0) {
              found.get(e.getKey())[0] += e.getValue();
              letters.get(e.getKey()).add(id);
              withFindings.add(id);
            }
          }
        }
      }
    }
    List<Kind> kinds = new ArrayList<>();
    for (String kind : KINDS) {
      kinds.add(new Kind(kind, found.get(kind)[0], List.copyOf(letters.get(kind))));
    }
    return new Result(scanned, withFindings.size(), List.copyOf(kinds));
  }

  /** The rules of a pattern file's text; a malformed line, an unknown kind or a kind without a pattern or a found sample is refused with its line. */
  public static Rules parse(String text) {
    Map<String, List<Pattern>> patterns = new LinkedHashMap<>();
    Map<String, List<String>> found = new LinkedHashMap<>();
    Map<String, List<String>> missed = new LinkedHashMap<>();
    for (String kind : KINDS) {
      patterns.put(kind, new ArrayList<>());
      found.put(kind, new ArrayList<>());
      missed.put(kind, new ArrayList<>());
    }
    int no = 0;
    for (String line : text.split("\n", -1)) {
      no++;
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      int bar = t.indexOf(" | ");
      if (bar < 0) {
        throw new IllegalArgumentException(RESOURCE + " line " + no + ": expected 'KIND | REGEX', 'found KIND | TEXT' or 'missed KIND | TEXT'");
      }
      String[] key = t.substring(0, bar).strip().split("\\s+");
      String value = t.substring(bar + 3).strip();
      String kind = key[key.length - 1].toLowerCase(Locale.ROOT);
      if (!patterns.containsKey(kind) || key.length > 2 || (key.length == 2 && !key[0].equals("found") && !key[0].equals("missed"))) {
        throw new IllegalArgumentException(RESOURCE + " line " + no + ": unknown kind '" + t.substring(0, bar).strip() + "'; kinds are " + String.join(", ", KINDS));
      }
      if (key.length == 1) {
        try {
          patterns.get(kind).add(Pattern.compile(value));
        } catch (PatternSyntaxException e) {
          throw new IllegalArgumentException(RESOURCE + " line " + no + ": " + e.getDescription(), e);
        }
      } else {
        (key[0].equals("found") ? found : missed).get(kind).add(value);
      }
    }
    for (String kind : KINDS) {
      if (patterns.get(kind).isEmpty() || found.get(kind).isEmpty()) {
        throw new IllegalArgumentException(RESOURCE + ": kind " + kind + " needs a pattern and a found sample");
      }
    }
    patterns.replaceAll((k, v) -> List.copyOf(v));
    found.replaceAll((k, v) -> List.copyOf(v));
    missed.replaceAll((k, v) -> List.copyOf(v));
    return new Rules(Map.copyOf(patterns), Map.copyOf(found), Map.copyOf(missed));
  }

  private static String read() {
    return RuleResources.read(RESOURCE);
  }
}
