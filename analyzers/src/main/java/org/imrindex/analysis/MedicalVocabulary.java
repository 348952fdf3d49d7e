package org.imrindex.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.imrindex.lexicon.DrugClass;
import org.imrindex.lexicon.DrugEntry;
import org.imrindex.lexicon.DrugLexicon;

/**
 * The vocabulary the medical analysis knows: drug names and abbreviations to keep from the stemmer,
 * and the concept synonyms of the query side. Made from a drug lexicon and concept groups; the
 * {@linkplain #standard() bundled} one from {@code drugs.txt} and {@code concepts.txt}. Both are
 * analyzed with the index chain, so a rule matches exactly the terms the index holds.
 *
 * <p>Query-side rules: a brand finds itself and its generic; a generic finds every product that
 * contains it (hydrocodone finds Norco and Vicodin); a class term finds every product of the class
 * (benzodiazepine finds Xanax, Valium, Restoril…) and every product with an ingredient of the class
 * (NSAID finds Vicoprofen, hydrocodone with ibuprofen); the spellings of one concept in
 * {@code concepts.txt} find each other (NSAID, non-steroidal anti-inflammatory).
 *
 * <p>{@link #of(DrugLexicon, List)} makes a vocabulary from another lexicon (a changed copy of
 * {@code drugs.txt}, say), to see what the query side finds with it; its synonym map is built on
 * first use (a third of a second), while the bundled one is read from the map the build stored.
 * Immutable once built and thread-safe.
 */
public final class MedicalVocabulary {

  static final String CONCEPTS = "concepts.txt";

  private final DrugLexicon lexicon;
  private final List<ConceptGroup> concepts;
  private final boolean bundled;
  private final CharArraySet keywords;
  private volatile SynonymMap synonyms;

  private MedicalVocabulary(DrugLexicon lexicon, List<ConceptGroup> concepts, boolean bundled) {
    this.lexicon = lexicon;
    this.concepts = List.copyOf(concepts);
    this.bundled = bundled;
    this.keywords = keywords(lexicon, this.concepts);
  }

  /** The bundled vocabulary: {@link DrugLexicon#standard()} and {@code concepts.txt}, loaded once. */
  public static MedicalVocabulary standard() {
    return Standard.VOCABULARY;
  }

  /**
   * A vocabulary from {@code lexicon} and {@code concepts} instead of the bundled resources (the
   * index chain's rules for them are the same; only the words differ).
   */
  public static MedicalVocabulary of(DrugLexicon lexicon, List<ConceptGroup> concepts) {
    return new MedicalVocabulary(lexicon, concepts, false);
  }

  /** A vocabulary from {@code lexicon} and the bundled {@code concepts.txt}. */
  public static MedicalVocabulary of(DrugLexicon lexicon) {
    return of(lexicon, bundledConcepts());
  }

  /** The drug lexicon the vocabulary was made from. */
  public DrugLexicon lexicon() {
    return lexicon;
  }

  /** The concept groups, in file order. */
  public List<ConceptGroup> concepts() {
    return concepts;
  }

  /** Lowercase single words never stemmed: every word of a drug name, every upper-case abbreviation of the concepts. */
  public CharArraySet keywords() {
    return keywords;
  }

  /** The query-side synonym map (the bundled vocabulary's is read from the stored map, any other's built on first use). */
  public SynonymMap synonyms() {
    SynonymMap s = synonyms;
    if (s == null) {
      synchronized (this) {
        s = synonyms;
        if (s == null) {
          s = bundled ? stored() : build();
          synonyms = s;
        }
      }
    }
    return s;
  }

  /** One line of {@code concepts.txt}: spellings of one concept and, for a drug class, the class. */
  public record ConceptGroup(List<String> terms, DrugClass drugClass, int line) {
    public ConceptGroup {
      terms = List.copyOf(terms);
    }
  }

  private static final class Standard {
    static final MedicalVocabulary VOCABULARY = new MedicalVocabulary(DrugLexicon.standard(), bundledConcepts(), true);
  }

  /** The concept groups of the bundled {@code concepts.txt}. */
  static List<ConceptGroup> bundledConcepts() {
    try (InputStream in = MedicalVocabulary.class.getResourceAsStream(CONCEPTS)) {
      if (in == null) {
        throw new IllegalStateException("concept resource missing: " + CONCEPTS);
      }
      return parseConcepts(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses concept lines in the {@code concepts.txt} format: {@code term, term, … [| drug_class]}. */
  public static List<ConceptGroup> parseConcepts(String text) {
    List<ConceptGroup> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\|", -1);
      if (parts.length > 2) {
        throw new IllegalArgumentException(CONCEPTS + " line " + (i + 1) + ": more than one '|'");
      }
      List<String> terms = new ArrayList<>();
      for (String t : parts[0].split(",")) {
        if (!t.isBlank()) {
          terms.add(t.strip());
        }
      }
      if (terms.size() < 2 && parts.length == 1) {
        throw new IllegalArgumentException(CONCEPTS + " line " + (i + 1) + ": a group needs two spellings or a class");
      }
      DrugClass cls = null;
      if (parts.length == 2) {
        try {
          cls = DrugClass.of(parts[1]);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(CONCEPTS + " line " + (i + 1) + ": unknown class '" + parts[1].strip() + "'", e);
        }
      }
      out.add(new ConceptGroup(terms, cls, i + 1));
    }
    return List.copyOf(out);
  }

  private static CharArraySet keywords(DrugLexicon lexicon, List<ConceptGroup> concepts) {
    CharArraySet set = new CharArraySet(2048, false);
    for (DrugEntry e : lexicon.entries()) {
      List<String> names = new ArrayList<>(e.aliases());
      names.add(e.name());
      names.add(e.generic());
      for (String n : names) {
        for (String w : n.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
          if (w.length() >= 3) {
            set.add(w);
          }
        }
      }
    }
    for (ConceptGroup g : concepts) {
      for (String t : g.terms()) {
        if (t.equals(t.toUpperCase(Locale.ROOT)) && t.chars().anyMatch(Character::isLetter) && !t.contains(" ")) {
          set.add(t.toLowerCase(Locale.ROOT));
        }
      }
    }
    return CharArraySet.unmodifiableSet(set);
  }

  /** The map the build stored, or (when it was made from other resources) the map built afresh. */
  private SynonymMap stored() {
    try {
      SynonymMap stored = SynonymMapFile.read(fingerprint());
      return stored != null ? stored : build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What the bundled synonym map is made from: the two resources and the analysis chain's id (a
   * stored map is used only when this matches the one it was written with).
   */
  static String fingerprint() {
    try {
      java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
      md.update(AnalysisChain.MEDICAL.id().getBytes(StandardCharsets.UTF_8));
      for (String r : List.of("/org/imrindex/lexicon/drugs.txt", "/org/imrindex/analysis/" + CONCEPTS)) {
        try (InputStream in = MedicalVocabulary.class.getResourceAsStream(r)) {
          if (in == null) {
            throw new IllegalStateException("resource missing: " + r);
          }
          md.update(in.readAllBytes());
        }
      }
      return java.util.HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Builds the synonym map from this vocabulary's lexicon and concepts (for the bundled one: what the stored map holds). */
  SynonymMap build() {
    try (MedicalAnalyzer index = new MedicalAnalyzer(AnalysisMode.INDEX, this)) {
      RuleParser p = new RuleParser(index);
      p.addLexicon(lexicon);
      p.addConcepts(lexicon, concepts);
      return p.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }


  /** Collects rules as analyzed word sequences, merging the outputs of every rule with the same input. */
  private static final class RuleParser extends SynonymMap.Parser {

    private final Map<CharsRef, Set<CharsRef>> rules = new LinkedHashMap<>();

    RuleParser(MedicalAnalyzer analyzer) {
      super(true, analyzer);
    }

    @Override
    public void parse(Reader in) throws IOException, ParseException {
      throw new UnsupportedOperationException("rules come from the lexicon and concepts.txt");
    }

    void addLexicon(DrugLexicon lexicon) throws IOException {
      for (DrugEntry e : lexicon.entries()) {
        Set<String> outputs = new LinkedHashSet<>(names(e));
        if (e.isBrand()) {
          // a brand finds itself and, by the user's choice, its generic (not the other brands of it)
          lexicon.generic(e.generic()).ifPresentOrElse(g -> outputs.addAll(names(g)), () -> outputs.add(e.generic()));
        } else {
          // a generic finds every product that contains all its ingredients
          for (DrugEntry other : lexicon.entries()) {
            if (other.ingredients().containsAll(e.ingredients())) {
              outputs.addAll(names(other));
            }
          }
        }
        for (String input : names(e)) {
          rule(input, outputs);
        }
      }
    }

    void addConcepts(DrugLexicon lexicon, List<ConceptGroup> groups) throws IOException {
      for (ConceptGroup g : groups) {
        Set<String> outputs = new LinkedHashSet<>(g.terms());
        if (g.drugClass() != null) {
          for (DrugEntry e : lexicon.entries()) {
            if (inClass(lexicon, e, g.drugClass())) {
              outputs.addAll(names(e));
            }
          }
        }
        for (String input : g.terms()) {
          rule(input, outputs);
        }
      }
    }

    /** A product of the class, or one with an ingredient of it (Vicoprofen, an opioid, contains the NSAID ibuprofen). */
    private static boolean inClass(DrugLexicon lexicon, DrugEntry e, DrugClass cls) {
      return e.drugClass() == cls || e.ingredients().stream()
          .anyMatch(i -> lexicon.generic(i).map(g -> g.drugClass() == cls).orElse(false));
    }

    private static List<String> names(DrugEntry e) {
      List<String> out = new ArrayList<>();
      out.add(e.name());
      if (!e.isBrand()) {
        out.add(e.generic());
      }
      out.addAll(e.aliases());
      return out;
    }

    private void rule(String input, Set<String> outputs) throws IOException {
      CharsRef in = analyze(input, new CharsRefBuilder());
      Set<CharsRef> out = rules.computeIfAbsent(in, k -> new LinkedHashSet<>());
      for (String o : outputs) {
        CharsRef analyzed = analyze(o, new CharsRefBuilder());
        if (!analyzed.equals(in)) {
          out.add(analyzed);
        }
      }
    }

    @Override
    public SynonymMap build() throws IOException {
      for (Map.Entry<CharsRef, Set<CharsRef>> r : rules.entrySet()) {
        for (CharsRef out : r.getValue()) {
          add(r.getKey(), out, true);
        }
      }
      return super.build();
    }
  }
}
