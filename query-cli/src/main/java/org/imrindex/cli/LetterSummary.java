package org.imrindex.cli;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.imrindex.model.DateSource;
import org.imrindex.model.Decision;
import org.imrindex.model.DeterminationLetter;
import org.imrindex.model.Drug;

/** The text format of {@code imr extract}: a letter on a few aligned lines, for a person. */
final class LetterSummary {

  private static final int WIDTH = 78;

  private LetterSummary() {}

  /**
   * {@code decided 2014-04-02}, or {@code decided 2013-11-18 (letter date)} when the letter states no
   * decision date and its letter date stands for it; null when it has neither (extract, show and
   * search hits say it alike).
   */
  static String decided(DeterminationLetter l) {
    if (l.decisionDate() == null) {
      return null;
    }
    return "decided " + l.decisionDate() + (l.decisionDateSource() == DateSource.LETTER ? " (letter date)" : "");
  }

  static String format(DeterminationLetter l) {
    StringBuilder sb = new StringBuilder();
    sb.append("== ").append(Terminal.escape(l.source().path())).append('\n');
    line(sb, "case", orDash(l.caseNumber()) + "   layout " + l.layout()
        + (l.decisionDate() != null ? "   " + decided(l) : ""));
    line(sb, "patient", (l.patient().age() == null ? "age ?" : l.patient().age() + " y")
        + ", " + (l.patient().sex() == null ? "sex ?" : l.patient().sex())
        + ", injured " + orDash(l.patient().dateOfInjury()));
    line(sb, "reviewer", join(l.reviewer().specialties()) + (l.reviewer().subspecialties().isEmpty() ? ""
        : " (" + join(l.reviewer().subspecialties()) + ")"));
    line(sb, "licensed", join(l.reviewer().licensureStates()));
    if (l.finalDetermination() != null) {
      line(sb, "final", l.finalDetermination().verdict().toString());
    }
    int n = 1;
    for (Decision d : l.decisions()) {
      sb.append(String.format(Locale.ROOT, "  %s. %-11s %s%n", Numbers.grouped(n++), d.outcome() == null ? "?" : d.outcome(), Terminal.escape(d.item())));
      StringBuilder detail = new StringBuilder(d.serviceCategory().toString());
      Drug drug = d.drug();
      if (drug != null) {
        detail.append(" | ").append(orDash(drug.generic())).append(" (").append(orDash(drug.drugClass())).append(')');
        if (drug.quantity() != null) {
          detail.append(" qty ").append(drug.quantity());
        }
      }
      if (!d.mtusPages().isEmpty()) {
        detail.append(" | MTUS p. ").append(pages(d.mtusPages()));
      }
      if (!d.guidelineSources().isEmpty()) {
        detail.append(" | ").append(join(d.guidelineSources()));
      }
      sb.append("     ").append(detail).append('\n');
      if (d.originalRequest() != null || d.authorizedByClaimsAdministrator() != null) {
        // a partly authorised request: the item above is the portion the IMR decided
        sb.append("     original request: ").append(Terminal.escape(orDash(d.originalRequest())))
            .append(" | authorized: ").append(Terminal.escape(orDash(d.authorizedByClaimsAdministrator()))).append('\n');
      }
    }
    for (String w : l.warnings()) {
      // in full: a warning says what to look at in the letter
      sb.append(String.format(Locale.ROOT, "  %-9s %s%n", "warning", Terminal.escape(w)));
    }
    return sb.append('\n').toString();
  }

  private static void line(StringBuilder sb, String label, String value) {
    String v = Terminal.escape(value);
    if (v.length() > WIDTH - 12) {
      v = v.substring(0, WIDTH - 15) + "...";
    }
    sb.append(String.format(Locale.ROOT, "  %-9s %s%n", label, v));
  }

  private static String pages(List<Integer> pages) {
    if (pages.size() > 2 && pages.get(pages.size() - 1) - pages.get(0) == pages.size() - 1) {
      return pages.get(0) + "-" + pages.get(pages.size() - 1);
    }
    return pages.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }

  private static String join(List<?> values) {
    return values.isEmpty() ? "-" : values.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }

  private static String orDash(Object o) {
    return o == null ? "-" : o.toString();
  }
}
