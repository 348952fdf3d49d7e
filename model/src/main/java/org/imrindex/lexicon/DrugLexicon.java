package org.imrindex.lexicon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The drug lexicon: finds products in free text by name, alias or misspelling, longest match first.
 * Immutable and thread-safe; {@link #standard()} is the bundled {@code drugs.txt}.
 */
public final class DrugLexicon {

  private static final String RESOURCE = "drugs.txt";

  private final List<DrugEntry> entries;
  private final Map<String, DrugEntry> byKey;
  private final Map<String, List<DrugEntry>> conflicts;
  private final int maxKeyTokens;

  private DrugLexicon(List<DrugEntry> entries) {
    this.entries = List.copyOf(entries);
    Map<String, DrugEntry> keys = new HashMap<>();
    Map<String, List<DrugEntry>> clashes = new LinkedHashMap<>();
    int longest = 1;
    for (DrugEntry e : entries) {
      List<String> names = new ArrayList<>();
      names.add(e.name());
      names.add(e.generic());
      names.addAll(e.aliases());
      for (String name : names) {
        String key = LexiconTokens.key(name);
        if (key.isEmpty()) {
          continue;
        }
        // a generic name belongs to its generic entry, never to one of its brands
        if (e.isBrand() && name.equals(e.generic())) {
          continue;
        }
        DrugEntry previous = keys.putIfAbsent(key, e);
        if (previous != null && previous != e) {
          clashes.computeIfAbsent(key, k -> new ArrayList<>(List.of(previous))).add(e);
        }
        longest = Math.max(longest, key.split(" ").length);
      }
    }
    this.byKey = Map.copyOf(keys);
    this.conflicts = Collections.unmodifiableMap(clashes);
    this.maxKeyTokens = longest;
  }

  /** The bundled lexicon, loaded once. */
  public static DrugLexicon standard() {
    return Holder.STANDARD;
  }

  private static final class Holder {
    static final DrugLexicon STANDARD = load();

    private static DrugLexicon load() {
      try (InputStream in = DrugLexicon.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("drug lexicon resource missing: " + RESOURCE);
        }
        return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Parses lexicon text in the {@code name | generic | class | aliases} format. */
  public static DrugLexicon parse(String text) {
    List<DrugEntry> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new java.io.StringReader(text))) {
      String line;
      int no = 0;
      while ((line = r.readLine()) != null) {
        no++;
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        String[] cols = trimmed.split("\\|", -1);
        if (cols.length != 4) {
          throw new IllegalArgumentException("drugs.txt line " + no + ": expected 4 columns, got " + cols.length);
        }
        List<String> aliases = Arrays.stream(cols[3].split(","))
            .map(String::strip).filter(s -> !s.isEmpty()).toList();
        DrugClass cls;
        try {
          cls = DrugClass.of(cols[2]);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("drugs.txt line " + no + ": unknown class '" + cols[2].strip() + "'", e);
        }
        out.add(new DrugEntry(cols[0].strip(), cols[1].strip(), cls, aliases, no));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new DrugLexicon(out);
  }

  /** Every product, in file order. */
  public List<DrugEntry> entries() {
    return entries;
  }

  /** Keys claimed by more than one product (must be empty for a sound lexicon). */
  public Map<String, List<DrugEntry>> conflicts() {
    return conflicts;
  }

  /** The product a whole name stands for, if any ("Norco", "hydrocodone/APAP", "Tylenol #3"). */
  public Optional<DrugEntry> lookup(String name) {
    return Optional.ofNullable(byKey.get(LexiconTokens.key(name)));
  }

  /** The generic entry of an ingredient or generic combination, if the lexicon has one. */
  public Optional<DrugEntry> generic(String generic) {
    return lookup(generic).filter(e -> !e.isBrand() && e.generic().equals(generic));
  }

  /** All products named in {@code text}, left to right, longest match first, not overlapping. */
  public List<DrugMatch> findAll(CharSequence text) {
    List<LexiconTokens.Token> toks = LexiconTokens.tokens(text);
    List<DrugMatch> out = new ArrayList<>();
    int i = 0;
    StringBuilder key = new StringBuilder();
    while (i < toks.size()) {
      DrugEntry best = null;
      int bestLen = 0;
      key.setLength(0);
      for (int len = 1; len <= maxKeyTokens && i + len <= toks.size(); len++) {
        if (len > 1) {
          key.append(' ');
        }
        key.append(toks.get(i + len - 1).text());
        DrugEntry e = byKey.get(key.toString());
        if (e != null) {
          best = e;
          bestLen = len;
        }
      }
      if (best != null) {
        out.add(new DrugMatch(best, toks.get(i).start(), toks.get(i + bestLen - 1).end()));
        i += bestLen;
      } else {
        i++;
      }
    }
    return out;
  }
}
