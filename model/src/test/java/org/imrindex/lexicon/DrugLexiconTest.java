package org.imrindex.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DrugLexiconTest {

  private final DrugLexicon lexicon = DrugLexicon.standard();

  @Test
  void bundledLexiconCoversAtLeast250Products() throws java.io.IOException {
    // every product line of drugs.txt (not blank, not a comment) is an entry: counted here as text
    long lines;
    try (java.io.InputStream in = DrugLexicon.class.getResourceAsStream("/org/imrindex/lexicon/drugs.txt")) {
      lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#")).count();
    }
    assertEquals(lines, lexicon.entries().size());
    // the coverage this test is named for
    assertTrue(lines >= 250, "product lines: " + lines);
  }

  @Test
  void everyEntryIsConsistent() {
    List<String> problems = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (DrugEntry e : lexicon.entries()) {
      String where = "line " + e.line() + " (" + e.name() + "): ";
      if (!names.add(e.name().toLowerCase(Locale.ROOT))) {
        problems.add(where + "product listed twice");
      }
      if (!e.generic().equals(e.generic().toLowerCase(Locale.ROOT))) {
        problems.add(where + "generic not lowercase");
      }
      for (String ingredient : e.ingredients()) {
        if (!ingredient.equals(ingredient.strip()) || ingredient.isEmpty()) {
          problems.add(where + "blank or padded ingredient in '" + e.generic() + "'");
        }
        for (LexiconTokens.Token t : LexiconTokens.tokens(ingredient)) {
          if (LexiconTokens.SKIPPED.contains(t.text())) {
            problems.add(where + "salt form or modifier in generic: " + t.text());
          }
        }
        if (lexicon.generic(ingredient).isEmpty()) {
          problems.add(where + "ingredient '" + ingredient + "' has no generic entry");
        }
      }
      if (e.isBrand() && lexicon.generic(e.generic()).isEmpty()) {
        problems.add(where + "brand of '" + e.generic() + "', which has no generic entry");
      }
      if (e.isBrand()) {
        lexicon.generic(e.generic()).ifPresent(g -> {
          boolean systemicTopical = g.drugClass() == DrugClass.NSAID && e.drugClass() == DrugClass.TOPICAL;
          if (g.drugClass() != e.drugClass() && !systemicTopical) {
            problems.add(where + "class " + e.drugClass() + " differs from its generic's " + g.drugClass());
          }
        });
      }
      if (lexicon.lookup(e.name()).orElse(null) != e) {
        problems.add(where + "its own name does not find it");
      }
      for (String alias : e.aliases()) {
        if (lexicon.lookup(alias).orElse(null) != e) {
          problems.add(where + "alias '" + alias + "' finds " + lexicon.lookup(alias).map(DrugEntry::name).orElse("nothing"));
        }
      }
    }
    lexicon.conflicts().forEach((key, es) -> problems.add("key '" + key + "' claimed by "
        + es.stream().map(x -> x.name() + " (line " + x.line() + ")").toList()));
    assertEquals(List.of(), problems);
  }

  @Test
  void findsBrandWithStrengthAndQuantityGlued() {
    String item = "Norco 10/325mg#120";
    List<DrugMatch> found = lexicon.findAll(item);
    assertEquals(1, found.size());
    assertEquals("Norco", found.get(0).written(item));
    assertEquals("hydrocodone/acetaminophen", found.get(0).entry().generic());
    assertEquals(DrugClass.OPIOID, found.get(0).entry().drugClass());
  }

  @Test
  void prefersTheLongestNameAndSkipsSaltForms() {
    String item = "Hydrocodone Bitartrate/APAP 10/325 mg #90";
    List<DrugMatch> found = lexicon.findAll(item);
    assertEquals(1, found.size());
    assertEquals("hydrocodone/acetaminophen", found.get(0).entry().name());
    assertEquals("Hydrocodone Bitartrate/APAP", found.get(0).written(item));
  }

  @Test
  void findsNumberedBrandVariants() {
    assertEquals("Tylenol with Codeine", lexicon.lookup("Tylenol #3").orElseThrow().name());
    assertEquals("Tylenol", lexicon.lookup("Tylenol").orElseThrow().name());
  }

  @Test
  void findsEveryIngredientOfAWrittenOutCompound() {
    String item = "Flurbiprofen 20%/Lidocaine 5% cream 180gm";
    List<String> generics = lexicon.findAll(item).stream().map(m -> m.entry().generic()).toList();
    assertEquals(List.of("flurbiprofen", "lidocaine"), generics);
  }

  @Test
  void findsNothingInNonDrugRequests() {
    assertEquals(List.of(), lexicon.findAll("MRI of the lumbar spine without contrast"));
    assertEquals(List.of(), lexicon.findAll("Physical therapy 2x6 for the cervical spine"));
  }

  @Test
  void rejectsUnknownClassWithLineNumber() {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> DrugLexicon.parse("# c\nFoo | foo | stimulant |\n"));
    assertEquals("drugs.txt line 2: unknown class 'stimulant'", e.getMessage());
  }

  @Test
  void brandAndGenericAreTold() {
    assertTrue(lexicon.lookup("Valium").orElseThrow().isBrand());
    assertFalse(lexicon.lookup("diazepam").orElseThrow().isBrand());
  }
}
