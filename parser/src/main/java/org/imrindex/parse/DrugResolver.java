package org.imrindex.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imrindex.lexicon.DrugClass;
import org.imrindex.lexicon.DrugEntry;
import org.imrindex.lexicon.DrugLexicon;
import org.imrindex.lexicon.DrugMatch;
import org.imrindex.model.Drug;

/**
 * Resolves the drug of a pharmaceutical item: product through the lexicon, class by active
 * ingredient (adjusted for topical and compounded forms), strength, quantity and refills.
 */
final class DrugResolver {

  private static final String AMOUNT = "\\d+(?:\\.\\d+)?";
  // no grams: "180gm" on a cream is the amount dispensed, not a strength (nor "120ml" alone: see strength())
  private static final String UNIT = "(?:mg|mcg|µg|ml|%|percent|pct|meq|units?|iu)(?:\\s*/\\s*(?:hr|hour|h|ml|actuation|dose|day))?";
  /** "10/325mg", "7.5mg-500mg", "800 mg", "100mcg/hr", "5%", "10/325". */
  private static final Pattern STRENGTH = Pattern.compile("(?i)(?<![#\\d.])(" + AMOUNT + "\\s*(?:" + UNIT + ")?"
      + "(?:\\s*[/-]\\s*" + AMOUNT + "\\s*(?:" + UNIT + ")?)*)(?![\\d])");
  /** A date ("DOS: 12/29/16"), alone or in a range ("1/12/2015-2/12/2015"): never a strength. */
  private static final Pattern DATE_LIKE = Pattern.compile("\\d{1,2}\\s*/\\s*\\d{1,2}\\s*/\\s*\\d{2,4}");
  /** A volume alone ("Terocin lotion 120ml", "500ml"): the amount dispensed; "10mg/ml" is a strength. */
  private static final Pattern VOLUME_ONLY = Pattern.compile("(?i)\\d+(?:\\.\\d+)?\\s*ml");
  private static final Pattern HAS_UNIT = Pattern.compile("(?i)" + UNIT + "|/");
  private static final Pattern QUANTITY = Pattern.compile(
      "(?i)#\\s*(\\d+)|\\b(?:qty|quantity|quant)\\.?\\s*:?\\s*#?\\s*(\\d+)|^\\s*(\\d+)\\s+(?:tablets?|tabs?|capsules?|caps|pills?|patches|patch|units?|count)\\b"
          + "|\\b(\\d+)\\s+(?:tablets?|tabs|capsules?|caps|pills|patches|count|ct)\\b");
  private static final Pattern REFILLS = Pattern.compile(
      "(?i)(?:\\bx\\s*)?\\b(\\d+|one|two|three|four|five|six|no)\\s+refills?\\b|\\brefills?\\s*(?:x|:|#)?\\s*(\\d+)\\b");
  private static final Map<String, Integer> WORDS = Map.of(
      "no", 0, "one", 1, "two", 2, "three", 3, "four", 4, "five", 5, "six", 6);
  private static final Pattern TOPICAL_FORM = Pattern.compile(
      "(?i)\\b(?:cream|gel|ointment|lotion|topical|liniment|rub|roll-on|foam|balm|salve|solution\\s+topical|topical\\s+solution)\\b");
  private static final Pattern COMPOUNDED = Pattern.compile("(?i)\\bcompound(?:ed|s)?\\b");
  /** "5%", "1percent", "2 pct". */
  private static final Pattern PERCENT = Pattern.compile("(?i)\\d+(?:\\.\\d+)?\\s*(?:%|percent\\b|pct\\b)");
  /** An amount in grams ("120grams", "180gm", "30 g"): how creams are dispensed, never tablets. */
  private static final Pattern GRAMS = Pattern.compile("(?i)\\d+(?:\\.\\d+)?\\s*(?:g|gm|gms|gram|grams)\\b");
  /** An oral liquid: a compounding kit's suspension keeps its drug's class, compounded or not. */
  private static final Pattern ORAL_FORM = Pattern.compile("(?i)\\b(?:oral|orally|suspension|syrup|elixir)\\b");

  private final DrugLexicon lexicon;

  DrugResolver(DrugLexicon lexicon) {
    this.lexicon = lexicon;
  }

  Drug resolve(String item) {
    List<DrugMatch> matches = lexicon.findAll(item);
    // oral drugs are not dosed in percent: a percentage strength is a topical form, and a request that
    // writes out two or more percentages is a mixture ("Flurbiprofen 10%/Dextromethorphan 5%/Lidocaine 5%")
    int percentages = count(PERCENT, item);
    boolean topicalForm = percentages > 0 || TOPICAL_FORM.matcher(item).find();
    boolean compounded = COMPOUNDED.matcher(item).find() || percentages >= 2;
    // a kit compounded into an oral suspension (Synapryn: tramadol) is its drug, not a cream
    boolean oralForm = !topicalForm && ORAL_FORM.matcher(item).find();
    int after = matches.isEmpty() ? 0 : matches.get(0).end();
    Integer quantity = quantity(item);
    Integer refills = refills(item);

    if (matches.isEmpty()) {
      return new Drug(null, null, compounded ? DrugClass.COMPOUND : null, compounded ? null : strength(item, 0),
          quantity, refills, List.of());
    }
    Set<DrugEntry> distinct = new LinkedHashSet<>();
    for (DrugMatch m : matches) {
      distinct.add(m.entry());
    }
    DrugMatch first = matches.get(0);
    // a brand and its generic ("Ultram (tramadol)") are one product, not a combination
    boolean oneProduct = distinct.stream().map(DrugEntry::generic).distinct().count() == 1;
    if (distinct.size() > 1 && !oneProduct) {
      List<String> ingredients = new ArrayList<>();
      for (DrugEntry e : distinct) {
        for (String ing : e.ingredients()) {
          if (!ingredients.contains(ing)) {
            ingredients.add(ing);
          }
        }
      }
      DrugEntry combination = combinationOf(ingredients);
      if (combination != null && !compounded) {
        return new Drug(combination.generic(), null, combination.drugClass(), strength(item, matches.get(matches.size() - 1).end()),
            quantity, refills, combination.ingredients());
      }
      // a mixture as written: a compounded or topical form, a cream's weight in grams, or generics
      // joined by slashes that no combination product has ("Gabapentin/Ketoprofen 240gm")
      if (compounded || topicalForm || GRAMS.matcher(item).find() || slashJoinedGenerics(item, matches)) {
        return new Drug(String.join("/", ingredients), null, DrugClass.COMPOUND, null, quantity, refills, ingredients);
      }
      // two products in one request ("Norco and Soma"): the first is the request's drug
    }
    DrugEntry e = first.entry();
    DrugMatch named = first;
    if (!e.isBrand()) {
      // "Meloxicam (Mobic)": a brand written beside its generic names the product
      for (DrugMatch m : matches) {
        if (m.entry().isBrand() && m.entry().generic().equals(e.generic())) {
          named = m;
          break;
        }
      }
    }
    DrugClass cls = e.drugClass();
    if (oralForm) {
      // keeps its class: an oral suspension is no topical form, and its kit no mixture
    } else if (compounded && cls != DrugClass.TOPICAL) {
      cls = DrugClass.COMPOUND;
    } else if (topicalForm && cls == DrugClass.NSAID) {
      cls = DrugClass.TOPICAL;
    } else if (topicalForm && cls != DrugClass.TOPICAL && cls != DrugClass.COMPOUND && cls != DrugClass.MEDICAL_FOOD) {
      cls = DrugClass.COMPOUND; // gabapentin or cyclobenzaprine cream exists only as a pharmacy compound
    }
    String brand = named.entry().isBrand() ? named.written(item) : null;
    return new Drug(e.generic(), brand, cls, strength(item, after), quantity, refills, e.ingredients());
  }

  /** True when every two products named one after the other are generics joined by a bare slash. */
  private static boolean slashJoinedGenerics(String item, List<DrugMatch> matches) {
    for (int i = 0; i < matches.size(); i++) {
      if (matches.get(i).entry().isBrand()) {
        return false;
      }
      if (i > 0 && !item.substring(matches.get(i - 1).end(), matches.get(i).start()).strip().equals("/")) {
        return false;
      }
    }
    return matches.size() > 1;
  }

  /** The generic entry whose ingredients are exactly these, in any order. */
  private DrugEntry combinationOf(List<String> ingredients) {
    Set<String> wanted = Set.copyOf(ingredients);
    for (DrugEntry e : lexicon.entries()) {
      if (!e.isBrand() && e.ingredients().size() == wanted.size() && Set.copyOf(e.ingredients()).equals(wanted)) {
        return e;
      }
    }
    return null;
  }

  /** The first strength written after offset {@code from}: an amount with a unit or a ratio. */
  static String strength(String item, int from) {
    Matcher m = STRENGTH.matcher(item);
    m.region(from, item.length());
    while (m.find()) {
      String s = m.group(1).strip();
      if (HAS_UNIT.matcher(s).find() && !isQuantityContext(item, m.start(1)) && !DATE_LIKE.matcher(s).find()
          && !VOLUME_ONLY.matcher(s).matches()) {
        return s.replaceAll("\\s+", " ");
      }
    }
    return null;
  }

  private static boolean isQuantityContext(String item, int start) {
    String before = item.substring(Math.max(0, start - 6), start).toLowerCase(Locale.ROOT);
    return before.matches(".*(?:qty|#|quantity)\\s*:?\\s*$");
  }

  static Integer quantity(String item) {
    Matcher m = QUANTITY.matcher(item);
    if (!m.find()) {
      return null;
    }
    for (int g = 1; g <= m.groupCount(); g++) {
      if (m.group(g) != null) {
        return Integer.valueOf(m.group(g));
      }
    }
    return null;
  }

  static Integer refills(String item) {
    Matcher m = REFILLS.matcher(item);
    if (!m.find()) {
      return null;
    }
    String n = m.group(1) != null ? m.group(1) : m.group(2);
    Integer word = WORDS.get(n.toLowerCase(Locale.ROOT));
    return word != null ? word : Integer.valueOf(n);
  }

  private static int count(Pattern p, String s) {
    Matcher m = p.matcher(s);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
