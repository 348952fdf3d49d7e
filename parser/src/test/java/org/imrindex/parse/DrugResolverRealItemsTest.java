package org.imrindex.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.imrindex.lexicon.DrugLexicon;
import org.imrindex.model.Drug;
import org.imrindex.model.ServiceCategory;
import org.junit.jupiter.api.Test;

/**
 * The drug of every item of the 152 real letters, as the hand labels give it
 * (corpus-samples/real-letters/hand-labels/real-decisions.tsv: {@code drug_generic} and
 * {@code drug_class}, filled for pharmaceutical items only), against what the parser records: the
 * item is categorised and, when it is a pharmaceutical, its drug resolved, as {@link LetterParser}
 * does. An item whose label names no drug must get no drug, not a guess.
 */
class DrugResolverRealItemsTest {

  private static final Path LABELS = BundledLetters.corpus().resolve("real-letters/hand-labels/real-decisions.tsv");
  private static final String HEADER = "case_number\tdecision_no\titem\toutcome\toriginal_request\tauthorized_by_ca"
      + "\tservice_category\tdrug_generic\tdrug_class\tguideline\tnotes";

  /** One hand-labelled decision's item and drug; generic and class are null where the label is blank. */
  record Label(String caseNumber, String decision, String item, String category, String generic, String drugClass) {}

  static List<Label> labels() throws IOException {
    List<String> lines = Files.readAllLines(LABELS, StandardCharsets.UTF_8);
    assertEquals(HEADER, lines.get(0));
    List<Label> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", -1);
      out.add(new Label(f[0], f[1], f[2], f[6], blankToNull(f[7]), blankToNull(drugClass(f[8]))));
    }
    return out;
  }

  /** The labels' {@code topical_analgesic} is the lexicon's {@code topical}. */
  private static String drugClass(String label) {
    return label.equals("topical_analgesic") ? "topical" : label;
  }

  private static String blankToNull(String s) {
    return s.isBlank() ? null : s;
  }

  private static Drug parsed(String item) {
    DrugLexicon lexicon = DrugLexicon.standard();
    return ServiceCategorizer.categorize(item, lexicon) == ServiceCategory.PHARMACEUTICAL
        ? new DrugResolver(lexicon).resolve(item) : null;
  }

  @Test
  void theLabelsCoverEveryDecisionAndThirtyPharmaceuticals() throws IOException {
    List<Label> labels = labels();
    assertEquals(295, labels.size());
    List<Label> drugs = labels.stream().filter(l -> l.category().equals("pharmaceutical")).toList();
    assertEquals(30, drugs.size());
    // every pharmaceutical label names its drug and class; no other label does
    for (Label l : labels) {
      boolean pharmaceutical = l.category().equals("pharmaceutical");
      assertEquals(pharmaceutical, l.generic() != null, l.caseNumber() + " #" + l.decision());
      assertEquals(pharmaceutical, l.drugClass() != null, l.caseNumber() + " #" + l.decision());
    }
  }

  @Test
  void everyPharmaceuticalItemGetsTheGenericAndClassOfItsLabel() throws IOException {
    List<String> misses = new ArrayList<>();
    for (Label l : labels()) {
      if (!l.category().equals("pharmaceutical")) {
        continue;
      }
      Drug d = parsed(l.item());
      String generic = d == null ? null : d.generic();
      String cls = d == null || d.drugClass() == null ? null : d.drugClass().toString();
      if (!l.generic().equals(generic) || !l.drugClass().equals(cls)) {
        misses.add(l.caseNumber() + " #" + l.decision() + " " + l.item() + ": " + generic + " (" + cls + "), hand label "
            + l.generic() + " (" + l.drugClass() + ")");
      }
    }
    assertEquals(List.of(), misses);
  }

  @Test
  void aMixtureKeepsEveryIngredientInTheLettersOrder() throws IOException {
    for (Label l : labels()) {
      if (l.drugClass() != null && l.drugClass().equals("compound")) {
        assertEquals(List.of(l.generic().split("/")), parsed(l.item()).ingredients(), l.caseNumber() + " #" + l.decision());
      }
    }
  }

  @Test
  void noOtherItemIsGivenADrug() throws IOException {
    List<String> guesses = new ArrayList<>();
    for (Label l : labels()) {
      if (!l.category().equals("pharmaceutical")) {
        Drug d = parsed(l.item());
        if (d != null) {
          guesses.add(l.caseNumber() + " #" + l.decision() + " " + l.item() + ": " + d.generic());
        }
      }
    }
    assertEquals(List.of(), guesses);
  }
}
