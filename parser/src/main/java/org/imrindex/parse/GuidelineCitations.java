package org.imrindex.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imrindex.model.GuidelineCitation;
import org.imrindex.model.GuidelineSource;

/**
 * Reads a reviewer's citation into the documents and sections it names, with the document aliases and
 * topic names of {@code guideline-citations.txt} (how they apply is written at the top of that file).
 *
 * <p>The citation is cut into parts at the words that name a family ("MTUS", "Non-MTUS", "Official
 * Disability Guidelines (ODG)", "ACOEM", "Other Medical Treatment Guidelines"); in each part the
 * family's documents are found by their aliases, and what follows each document is its year, its
 * sections ("Section(s): A, B") or its sections with their pages ("Opioids Page(s): 74-80; Drug
 * testing Page(s): 43"), or for an ODG chapter the topic around it ("Shoulder, MRI", "MRI shoulder").
 */
final class GuidelineCitations {

  static final String RESOURCE = "guideline-citations.txt";

  /** A family of documents as the rules file names it; MTUS_ACOEM is an ACOEM chapter adopted into the MTUS. */
  enum Family {
    MTUS("MTUS"), MTUS_ACOEM("MTUS/ACOEM"), ACOEM("ACOEM"), ODG("ODG"), OTHER("other");

    final String written;

    Family(String written) {
      this.written = written;
    }

    GuidelineSource source() {
      return switch (this) {
        case MTUS, MTUS_ACOEM -> GuidelineSource.MTUS;
        case ACOEM -> GuidelineSource.ACOEM;
        case ODG -> GuidelineSource.ODG;
        case OTHER -> GuidelineSource.OTHER;
      };
    }

    static Family of(String written) {
      for (Family f : values()) {
        if (f.written.equalsIgnoreCase(written)) {
          return f;
        }
      }
      return null;
    }
  }

  /** One document line: its family, canonical name, aliases (lowercase) and line number. */
  record Document(Family family, String name, List<String> aliases, int line) {}

  /** Where in a citation the text is: which documents are looked for there. */
  enum Part {
    /** After "MTUS", and at the start of a citation: the MTUS's documents, its ACOEM chapters among them. */
    MTUS(Family.MTUS, Family.MTUS_ACOEM),
    /** After "ACOEM": the chapters in the MTUS and those outside it. */
    ACOEM(Family.MTUS_ACOEM, Family.ACOEM),
    ODG(Family.ODG),
    OTHER(Family.OTHER),
    /** After "Non-MTUS" before any family: ODG chapters, or another source when the text names one. */
    NON_MTUS(Family.ODG);

    final List<Family> families;

    Part(Family... families) {
      this.families = List.of(families);
    }
  }

  private static final Pattern MARKER = Pattern.compile(
      "(?<non>\\bnon[- ]?mtus\\b(?:\\s+citations?)?|\\boutside\\s+(?:of\\s+)?the\\s+mtus(?:\\s+guidelines?)?)"
          + "|(?<odg>official\\s+disability\\s+guidelines?(?:\\s*\\(odg\\))?|\\bodg\\b(?:\\s+guidelines?)?)"
          + "|(?<acoem>\\bacoem\\b(?:\\s+occupational\\s+medicine\\s+practice\\s+guidelines?|\\s+practice\\s+guidelines?)?"
          + "|occupational\\s+medicine\\s+practice\\s+guidelines?)"
          + "|(?<other>\\bother\\s+medical\\s+treatment\\s+guidelines?)"
          + "|(?<mtus>\\bmtus\\b(?:\\s+guidelines?)?|medical\\s+treatment\\s+utilization\\s+schedule)");
  private static final Pattern YEAR_FIRST = Pattern.compile("^[\\s,]*\\(?((?:19|20)\\d\\d)\\)?(?![\\d-])");
  private static final Pattern YEAR_IN_PARENS = Pattern.compile("\\(((?:19|20)\\d\\d)\\)");
  private static final Pattern YEAR_AFTER = Pattern.compile("^\\s*,?\\s*\\(?(?:19|20)\\d\\d\\b");
  private static final Pattern SECTIONS_LABEL = Pattern.compile("^[\\s,.;:-]*sections?\\s*(?:\\(s\\))?\\s*:", Pattern.CASE_INSENSITIVE);
  private static final Pattern SECTIONS_WORD = Pattern.compile("sections?\\s*(?:\\(s\\))?\\s*:");
  /** A document the rules do not know, as the 2016-17 letters write one: "Foo Complaints 2004, Section(s)". */
  private static final Pattern UNKNOWN_DOCUMENT = Pattern.compile("^\\s*([A-Z][A-Za-z ,&'-]*?)\\s+((?:19|20)\\d\\d)\\b");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s,:;/\\-]*");
  /** Words a section never starts or ends with: the template's labels around it ("Low Back section, MRI"). */
  private static final List<String> EDGE_WORDS = List.of("sections", "section", "chapter", "topic", "and");
  /** Words a section never starts with. */
  private static final List<String> LEAD_WORDS = List.of("sections", "section", "chapter", "topic", "guidelines", "guideline",
      "citation", "and");
  private static final String SEPARATOR_CHARS = " ,;:/.-";
  private static final Pattern FILLER = Pattern.compile(
      "(?i)\\b(?:decision\\s+based\\s+on|the\\s+expert\\s+reviewer\\s+based\\s+(?:his/her|his|her|their|its)\\s+decision\\s+on"
          + "(?:\\s+recommendation\\(s\\))?|the\\s+claims\\s+administrator\\s+based\\s+its\\s+decision\\s+on)(?:\\s+the)?\\b");
  private static final Pattern END_OF_SENTENCE = Pattern.compile("\\.(?=\\s|$)");
  /** A list of sections splits at ", " before a capital or a digit ("Diagnostic Criteria, Special Studies"). */
  private static final Pattern LIST_SPLIT = Pattern.compile(",\\s+(?=[A-Z0-9])|;\\s*");
  private static final Pattern ODG_CHAPTER_SPLIT = Pattern.compile(",\\s*|/\\s*|\\s+-\\s+");
  private static final Pattern EDITION = Pattern.compile("(?i)\\b\\d(?:st|nd|rd|th)\\s+ed(?:ition|\\.)?");

  // page lists are read as the citation parser reads them
  private static final Pattern PAGES = CitationParser.PAGES;
  // last: the constructor and parse use the patterns above
  private static final GuidelineCitations STANDARD = parse(RuleFile.resource(GuidelineCitations.class, RESOURCE));

  private final List<Document> documents;
  /** Topic key (letters and digits, lowercased) to canonical name. */
  private final Map<String, String> topics;
  /**
   * Per part, the aliases by their first two characters, longest first: a scan of word starts finds the
   * same leftmost-longest matches an alternation of every alias would, without trying each alias at each
   * position.
   */
  private final Map<Part, Map<Integer, List<Alias>>> aliasesByStart = new EnumMap<>(Part.class);
  /** The most ", "-separated pieces a topic name or alias has: a list's pieces are joined up to this many. */
  private final int maxTopicPieces;

  /** One alias of a document, lowercase, words separated by single spaces. */
  private record Alias(String text, Document doc) {}

  private GuidelineCitations(List<Document> documents, Map<String, String> topics, int maxTopicPieces) {
    this.documents = List.copyOf(documents);
    this.topics = Map.copyOf(topics);
    for (Part part : Part.values()) {
      Map<String, Document> byAlias = new HashMap<>();
      for (Document d : documents) {
        if (part.families.contains(d.family())) {
          for (String a : d.aliases()) {
            Document before = byAlias.putIfAbsent(a, d);
            if (before != null && before != d) {
              throw new IllegalArgumentException(RESOURCE + " line " + d.line() + ": alias '" + a + "' is already '"
                  + before.name() + "' (line " + before.line() + ") where " + part + " documents are looked for");
            }
          }
        }
      }
      Map<Integer, List<Alias>> byStart = new HashMap<>();
      byAlias.forEach((a, d) -> byStart.computeIfAbsent(startKey(a, 0), k -> new ArrayList<>()).add(new Alias(a, d)));
      byStart.values().forEach(l -> l.sort(Comparator.comparingInt((Alias x) -> x.text().length()).reversed()
          .thenComparing(Alias::text)));
      aliasesByStart.put(part, byStart);
    }
    this.maxTopicPieces = maxTopicPieces;
  }

  /** The first two characters at {@code i} as one number (every alias has at least two). */
  private static int startKey(String s, int i) {
    return i + 1 < s.length() ? s.charAt(i) << 16 | s.charAt(i + 1) : s.charAt(i) << 16;
  }

  /** The bundled rules. */
  static GuidelineCitations standard() {
    return STANDARD;
  }

  /** The document lines, in file order. */
  List<Document> documents() {
    return documents;
  }

  /** Topic keys to canonical names. */
  Map<String, String> topics() {
    return topics;
  }

  /** Reads rules written as {@code document | family | name | aliases} and {@code topic | name | aliases} lines. */
  static GuidelineCitations parse(String text) {
    List<Document> documents = new ArrayList<>();
    Map<String, String> topics = new LinkedHashMap<>();
    int maxPieces = 1;
    for (RuleFile.Line l : RuleFile.lines(RESOURCE, text, "document | family | name | aliases' or 'topic | name | aliases")) {
      String[] f = l.value().split("\\|", -1);
      String where = RESOURCE + " line " + l.number() + ": ";
      switch (l.key()) {
        case "document" -> {
          if (f.length != 3) {
            throw new IllegalArgumentException(where + "expected 'document | family | name | aliases'");
          }
          Family family = Family.of(f[0].strip());
          if (family == null) {
            throw new IllegalArgumentException(where + "unknown family '" + f[0].strip() + "'");
          }
          String name = f[1].strip();
          List<String> as = aliases(f[2], where);
          if (name.isEmpty() || as.isEmpty()) {
            throw new IllegalArgumentException(where + "a document needs a name and an alias");
          }
          if (as.stream().anyMatch(a -> a.length() < 2)) {
            throw new IllegalArgumentException(where + "a document's alias needs two characters at least");
          }
          documents.add(new Document(family, name, as, l.number()));
        }
        case "topic" -> {
          if (f.length != 2 || f[0].isBlank()) {
            throw new IllegalArgumentException(where + "expected 'topic | name | aliases'");
          }
          String name = f[0].strip();
          List<String> keys = new ArrayList<>();
          keys.add(key(name));
          maxPieces = Math.max(maxPieces, name.split(", ", -1).length);
          for (String a : aliases(f[1], where)) {
            keys.add(key(a));
            maxPieces = Math.max(maxPieces, a.split(", ", -1).length);
          }
          for (String k : keys) {
            String before = topics.putIfAbsent(k, name);
            if (before != null && !before.equals(name)) {
              throw new IllegalArgumentException(where + "'" + k + "' is already the topic '" + before + "'");
            }
          }
        }
        default -> throw new IllegalArgumentException(where + "unknown kind '" + l.key() + "'");
      }
    }
    if (documents.isEmpty() || topics.isEmpty()) {
      throw new IllegalArgumentException(RESOURCE + ": no documents or no topics");
    }
    return new GuidelineCitations(documents, topics, maxPieces);
  }

  private static List<String> aliases(String field, String where) {
    List<String> out = new ArrayList<>();
    for (String a : field.split(";")) {
      String t = a.strip().replaceAll("\\s+", " ");
      if (t.isEmpty()) {
        continue;
      }
      if (!t.equals(t.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(where + "aliases must be lowercase: '" + t + "'");
      }
      out.add(t);
    }
    return out;
  }

  /** A section's key: its letters and digits, lowercased, so case, spacing and line-break hyphens do not matter. */
  static String key(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        b.append(Character.toLowerCase(c));
      }
    }
    return b.toString();
  }

  /** The canonical name of a section, or the section as written (spaces collapsed) when no topic line names it. */
  String topic(String section) {
    if (section == null || section.isBlank()) {
      return null;
    }
    String known = topics.get(key(section));
    return known != null ? known : section.strip().replaceAll("\\s+", " ");
  }

  /** The citations of a reviewer's citation text, in its order; empty for null or a text that names no guideline. */
  List<GuidelineCitation> read(String citation) {
    if (citation == null || citation.isBlank()) {
      return List.of();
    }
    String text = needsCollapse(citation) ? citation.replaceAll("\\s+", " ") : citation;
    String lower = lowercase(text);
    List<GuidelineCitation> out = new ArrayList<>();
    // the markers, tried only at the start of a word one of them starts with (a scan is cheaper than
    // letting the alternation try every position)
    Matcher m = MARKER.matcher(lower).useTransparentBounds(true);
    Part part = Part.MTUS;
    int start = 0;
    int i = 0;
    while (i < lower.length()) {
      char c = lower.charAt(i);
      if ("anmo".indexOf(c) < 0 || i > 0 && Character.isLetterOrDigit(lower.charAt(i - 1)) || !startsMarkerWord(lower, i)
          || !m.region(i, lower.length()).lookingAt()) {
        i++;
        continue;
      }
      readPart(part, text, lower, start, i, out);
      part = m.group("non") != null ? Part.NON_MTUS : m.group("odg") != null ? Part.ODG
          : m.group("acoem") != null ? Part.ACOEM : m.group("other") != null ? Part.OTHER : Part.MTUS;
      start = m.end();
      i = start;
    }
    readPart(part, text, lower, start, text.length(), out);
    List<GuidelineCitation> distinct = new ArrayList<>();
    for (GuidelineCitation c : out) {
      if (!distinct.contains(c)) {
        distinct.add(c);
      }
    }
    return List.copyOf(distinct);
  }

  /** The words the family markers start with. */
  private static final String[] MARKER_WORDS = {"non", "outside", "official", "odg", "acoem", "occupational", "other", "mtus", "medical"};

  private static boolean startsMarkerWord(String lower, int i) {
    for (String w : MARKER_WORDS) {
      if (lower.startsWith(w, i)) {
        return true;
      }
    }
    return false;
  }

  /** True when the text has other whitespace than single spaces (the parser joins a citation's lines with one). */
  private static boolean needsCollapse(String s) {
    return s.indexOf("  ") >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0 || s.indexOf('\t') >= 0 || s.indexOf('\f') >= 0;
  }

  /** Lowercase with the same length, so positions in one are positions in the other. */
  private static String lowercase(String s) {
    char[] c = s.toCharArray();
    for (int i = 0; i < c.length; i++) {
      c[i] = Character.toLowerCase(c[i]);
    }
    return new String(c);
  }

  /** One found document: where its name is in the citation. */
  private record Mention(Document doc, String unknownName, int start, int end) {
    Family family(Part part) {
      return doc != null ? doc.family() : part == Part.ACOEM ? Family.ACOEM : Family.MTUS;
    }

    String name() {
      return doc != null ? doc.name() : unknownName;
    }
  }

  private void readPart(Part part, String text, String lower, int from, int to, List<GuidelineCitation> out) {
    if (from >= to) {
      return;
    }
    if (part == Part.NON_MTUS) {
      // no family named: an ODG chapter when one opens the text ("Non-MTUS Citation Shoulder (Acute & Chronic),
      // Physical Therapy"), unless the text names another source (a journal, a web site); else a source as written
      List<Mention> odg = mentions(Part.ODG, text, lower, from, to);
      boolean opensWithChapter = !odg.isEmpty() && clean(text.substring(from, odg.get(0).start())) == null;
      boolean other = CitationParser.namesOther(lower.substring(from, to)) || !mentions(Part.OTHER, text, lower, from, to).isEmpty();
      part = opensWithChapter && !other ? Part.ODG : Part.OTHER;
    }
    List<Mention> mentions = mentions(part, text, lower, from, to);
    if (part == Part.OTHER) {
      readOther(text, from, to, mentions, out);
      return;
    }
    if (mentions.isEmpty()) {
      readWithoutDocument(part, text, lower, from, to, out);
      return;
    }
    List<List<GuidelineCitation>> byMention = new ArrayList<>();
    for (int i = 0; i < mentions.size(); i++) {
      Mention mention = mentions.get(i);
      int pieceEnd = i + 1 < mentions.size() ? mentions.get(i + 1).start() : to;
      String prefix = text.substring(i == 0 ? from : mentions.get(i - 1).end(), mention.start());
      String piece = text.substring(mention.end(), pieceEnd);
      Family family = mention.family(part);
      List<GuidelineCitation> cs = readPiece(family, mention, i == 0 ? prefix : "", piece);
      byMention.add(cs);
    }
    // "Low Back and neck Chapter, Physical Therapy": a chapter with nothing after it but "and" shares the next one's topic
    for (int i = byMention.size() - 2; i >= 0; i--) {
      List<GuidelineCitation> cs = byMention.get(i);
      String between = text.substring(mentions.get(i).end(), mentions.get(i + 1).start()).strip().toLowerCase(Locale.ROOT);
      if (part == Part.ODG && cs.size() == 1 && cs.get(0).section() == null && cs.get(0).pages().isEmpty()
          && (between.equals("and") || between.equals("&"))) {
        GuidelineCitation next = byMention.get(i + 1).get(0);
        GuidelineCitation c = cs.get(0);
        cs.set(0, new GuidelineCitation(c.source(), c.document(), c.year(), next.section(), next.pages()));
      }
    }
    byMention.forEach(out::addAll);
  }

  /** The documents named in text[from, to), in order; a repeat of the current one is part of it, not a new one. */
  private List<Mention> mentions(Part part, String text, String lower, int from, int to) {
    List<Mention> out = new ArrayList<>();
    Map<Integer, List<Alias>> byStart = aliasesByStart.get(part);
    int i = from;
    while (i < to) {
      char c = lower.charAt(i);
      if (!Character.isLetterOrDigit(c) || i > 0 && Character.isLetterOrDigit(lower.charAt(i - 1))) {
        i++;
        continue;
      }
      List<Alias> candidates = byStart.get(startKey(lower, i));
      Alias found = null;
      if (candidates != null) {
        for (Alias a : candidates) {
          int end = i + a.text().length();
          if (end <= to && lower.startsWith(a.text(), i) && (end == lower.length() || !Character.isLetterOrDigit(lower.charAt(end)))) {
            found = a;
            break;
          }
        }
      }
      if (found == null) {
        i++;
        continue;
      }
      int start = i;
      int end = i + found.text().length();
      i = end;
      Document d = found.doc();
      Mention last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && last.doc() == d) {
        if (SEPARATORS.matcher(lower).region(last.end(), start).matches()) {
          out.set(out.size() - 1, new Mention(d, null, last.start(), end)); // "ACOEM Chapter 12 Low Back Complaints"
        }
        continue;
      }
      // inside a list of sections, only a document followed by its year starts another citation
      if (last != null && lower.lastIndexOf("section", start) >= last.end() && SECTIONS_WORD.matcher(lower).region(last.end(), start).find()
          && !YEAR_AFTER.matcher(lower).region(end, to).lookingAt()) {
        continue;
      }
      out.add(new Mention(d, null, start, end));
    }
    if (out.isEmpty() && (part == Part.MTUS || part == Part.ACOEM)) {
      Matcher u = UNKNOWN_DOCUMENT.matcher(text).region(from, to);
      if (u.lookingAt() && SECTIONS_LABEL.matcher(text).region(u.end(2), to).lookingAt()) {
        out.add(new Mention(null, u.group(1).strip(), u.start(1), u.end(1)));
      }
    }
    return out;
  }

  /** What follows a document: its year, then a list of sections, or sections with pages, or one section. */
  private List<GuidelineCitation> readPiece(Family family, Mention mention, String prefix, String piece) {
    GuidelineSource source = family.source();
    String document = mention.name();
    Integer year = null;
    Matcher y = YEAR_FIRST.matcher(piece);
    if (y.lookingAt()) {
      year = Integer.valueOf(y.group(1));
      piece = piece.substring(y.end());
    } else {
      Matcher py = YEAR_IN_PARENS.matcher(prefix);
      if (py.find()) {
        year = Integer.valueOf(py.group(1));
      }
    }
    List<GuidelineCitation> out = new ArrayList<>();
    Matcher label = SECTIONS_LABEL.matcher(piece);
    if (label.lookingAt()) {
      for (String s : sections(piece.substring(label.end()))) {
        out.add(new GuidelineCitation(source, document, year, topic(s), List.of()));
      }
      if (out.isEmpty()) {
        out.add(new GuidelineCitation(source, document, year, null, List.of()));
      }
      return out;
    }
    Matcher pm = PAGES.matcher(piece);
    int pos = 0;
    while (mayCitePages(piece) && pm.find(pos)) {
      String before = piece.substring(pos, pm.start());
      if (pos > 0 && END_OF_SENTENCE.matcher(before).find()) {
        break;
      }
      out.add(new GuidelineCitation(source, document, year, topic(section(before, mention)), pages(pm.group(1))));
      pos = pm.end();
    }
    if (out.isEmpty()) {
      Matcher end = END_OF_SENTENCE.matcher(piece);
      String section = section(end.find() ? piece.substring(0, end.start()) : piece, mention);
      if (section == null && family == Family.ODG && !prefix.isBlank()) {
        section = section(EDITION.matcher(prefix).replaceAll(" "), mention); // "MRI shoulder", "Physical therapy/Preface"
      }
      out.add(new GuidelineCitation(source, document, year, topic(section), List.of()));
    }
    return out;
  }

  /** The sections of a "Section(s):" list, split at ", " before a capital unless the pieces together are a known topic. */
  private List<String> sections(String list) {
    String l = trimEnd(withoutFiller(list));
    List<String> parts = new ArrayList<>();
    for (String p : LIST_SPLIT.split(l)) {
      if (!p.isBlank()) {
        parts.add(p.strip());
      }
    }
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < parts.size()) {
      int j = Math.min(parts.size(), i + maxTopicPieces);
      for (; j > i + 1; j--) {
        if (topics.containsKey(key(String.join(", ", parts.subList(i, j))))) {
          break;
        }
      }
      out.add(String.join(", ", parts.subList(i, j)));
      i = j;
    }
    return out;
  }

  /** A section as written between a document and its pages, without separators, "chapter" words and the chapter's own name. */
  private String section(String s, Mention mention) {
    String t = clean(s);
    if (t == null) {
      return null;
    }
    if (t.startsWith("(") && t.endsWith(")") && balanced(t.substring(1, t.length() - 1))) {
      t = t.substring(1, t.length() - 1).strip();
    }
    if (mention.doc() != null && mention.doc().family() == Family.ODG) {
      String lower = lowercase(t);
      for (String a : mention.doc().aliases()) {
        if (lower.endsWith(" " + a)) {
          t = t.substring(0, t.length() - a.length()).strip(); // "MRI shoulder" in the Shoulder chapter
          break;
        }
        if (lower.startsWith(a + " ")) {
          t = t.substring(a.length()).strip();
          break;
        }
      }
      t = clean(t);
    }
    return t;
  }

  private static boolean balanced(String s) {
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (depth < 0) {
        return false;
      }
    }
    return depth == 0;
  }

  /** Text without the template's filler, leading and trailing separators and words; null when nothing is left. */
  private static String clean(String s) {
    if (s == null) {
      return null;
    }
    String t = withoutFiller(s);
    if (t.indexOf("  ") >= 0) {
      t = t.replaceAll("\\s+", " ");
    }
    t = trimEnd(trimStart(t));
    return t.isEmpty() ? null : t;
  }

  /** The text without "Decision based on", "The Expert Reviewer based their decision on recommendation(s)" and the like. */
  private static String withoutFiller(String s) {
    String lower = lowercase(s);
    if (!lower.contains("decision")) {
      return s;
    }
    return FILLER.matcher(s).replaceAll(" ");
  }

  private static String trimStart(String t) {
    int i = 0;
    int n = t.length();
    while (i < n) {
      char c = t.charAt(i);
      if (SEPARATOR_CHARS.indexOf(c) >= 0) {
        i++;
        continue;
      }
      int w = wordAt(t, i, LEAD_WORDS);
      if (w > 0) {
        i += w;
        continue;
      }
      if (c == '(' && (t.regionMatches(true, i + 1, "acute", 0, 5) || t.regionMatches(true, i + 1, "chronic", 0, 7))) {
        int close = t.indexOf(')', i); // "(Acute & Chronic)" after a chapter named without it
        if (close > 0) {
          i = close + 1;
          continue;
        }
      }
      break;
    }
    return t.substring(i);
  }

  private static final String PART_OF_THE = "part of the";

  private static String trimEnd(String t) {
    int n = t.length();
    while (n > 0) {
      char c = t.charAt(n - 1);
      if (SEPARATOR_CHARS.indexOf(c) >= 0) {
        n--;
        continue;
      }
      int w = wordBefore(t, n, EDGE_WORDS);
      if (w > 0) {
        n -= w;
        continue;
      }
      if (endsWithWords(t, n, "decision based on")) {
        n -= "decision based on".length();
        continue;
      }
      if (endsWithWords(t, n, PART_OF_THE)) { // ", which are part of the [MTUS]": the marker cut "MTUS" off
        n -= PART_OF_THE.length();
        for (String which : List.of("which is", "which are")) {
          int m = n;
          while (m > 0 && t.charAt(m - 1) == ' ') {
            m--;
          }
          if (endsWithWords(t, m, which)) {
            n = m - which.length();
          }
        }
        continue;
      }
      break;
    }
    return t.substring(0, n);
  }

  /** The length of the word of {@code words} at {@code i} (case-insensitive, a whole word), or 0. */
  private static int wordAt(String t, int i, List<String> words) {
    for (String w : words) {
      int end = i + w.length();
      if (end <= t.length() && t.regionMatches(true, i, w, 0, w.length()) && (end == t.length() || !Character.isLetterOrDigit(t.charAt(end)))) {
        return w.length();
      }
    }
    return 0;
  }

  /** The length of the word of {@code words} ending at {@code n} (case-insensitive, a whole word), or 0. */
  private static int wordBefore(String t, int n, List<String> words) {
    for (String w : words) {
      if (endsWithWords(t, n, w)) {
        return w.length();
      }
    }
    return 0;
  }

  private static boolean endsWithWords(String t, int n, String words) {
    int start = n - words.length();
    return start >= 0 && t.regionMatches(true, start, words, 0, words.length())
        && (start == 0 || !Character.isLetterOrDigit(t.charAt(start - 1)));
  }

  /**
   * A part that names no document the rules know: the MTUS cited by its pages alone ("MTUS Guidelines
   * Page(s): 74-82"); an ODG or ACOEM chapter as written, the topic after it ("ODG Burns, Skin grafts").
   */
  private void readWithoutDocument(Part part, String text, String lower, int from, int to, List<GuidelineCitation> out) {
    String piece = text.substring(from, to);
    if (part == Part.MTUS) {
      Matcher pm = PAGES.matcher(piece);
      int pos = 0;
      while (mayCitePages(piece) && pm.find(pos)) {
        String before = piece.substring(pos, pm.start());
        if (pos > 0 && END_OF_SENTENCE.matcher(before).find()) {
          break;
        }
        String section = clean(before);
        if (section != null) {
          Matcher end = END_OF_SENTENCE.matcher(section);
          String last = section;
          while (end.find()) {
            last = section.substring(end.end()); // the sentence the pages end
          }
          section = clean(last);
        }
        out.add(new GuidelineCitation(GuidelineSource.MTUS, null, null, topic(section), pages(pm.group(1))));
        pos = pm.end();
      }
      return;
    }
    GuidelineSource source = part == Part.ACOEM ? GuidelineSource.ACOEM : GuidelineSource.ODG;
    String t = clean(EDITION.matcher(piece).replaceAll(" "));
    List<Integer> pages = List.of();
    Matcher pm = t == null ? null : PAGES.matcher(t);
    if (pm != null && pm.find()) {
      pages = pages(pm.group(1));
      t = clean(t.substring(0, pm.start()));
    }
    if (t != null) {
      Matcher end = END_OF_SENTENCE.matcher(t);
      if (end.find()) {
        t = clean(t.substring(0, end.start()));
      }
    }
    if (t == null) {
      out.add(new GuidelineCitation(source, null, null, null, pages));
      return;
    }
    Matcher split = ODG_CHAPTER_SPLIT.matcher(t);
    if (split.find()) {
      out.add(new GuidelineCitation(source, t.substring(0, split.start()).strip(), null, topic(clean(t.substring(split.end()))), pages));
    } else {
      out.add(new GuidelineCitation(source, t, null, null, pages));
    }
  }

  /** Other sources: each one the rules name, else the reference as written. */
  private static void readOther(String text, int from, int to, List<Mention> mentions, List<GuidelineCitation> out) {
    if (mentions.isEmpty()) {
      String t = clean(text.substring(from, to));
      if (t != null) {
        out.add(new GuidelineCitation(GuidelineSource.OTHER, t, null, null, List.of()));
      }
      return;
    }
    for (Mention m : mentions) {
      out.add(new GuidelineCitation(GuidelineSource.OTHER, m.name(), null, null, List.of()));
    }
  }

  /** A plain test before the pages pattern, which tries its alternation at every position: the text has "p" before "a", "g", "p" or ".". */
  private static boolean mayCitePages(String s) {
    for (int i = s.indexOf('p'); i >= 0; i = s.indexOf('p', i + 1)) {
      if (i + 1 < s.length() && "agp.".indexOf(s.charAt(i + 1)) >= 0) {
        return true;
      }
    }
    for (int i = s.indexOf('P'); i >= 0; i = s.indexOf('P', i + 1)) {
      if (i + 1 < s.length() && "agp.AGP".indexOf(s.charAt(i + 1)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** The pages of a page list ("74-80 and 94"), ranges expanded, sorted; years and ids are not pages. */
  static List<Integer> pages(String list) {
    TreeSet<Integer> pages = new TreeSet<>();
    CitationParser.addPages(list, pages);
    return List.copyOf(pages);
  }
}
