package org.imrindex.parse;

import java.util.ArrayList;
import java.util.List;
import org.imrindex.model.Outcome;

/**
 * The decisions of a notice. The letter states its determinations two or three times (the letter
 * head, the decision section, sometimes each item's section): the longest list of them, in order, is
 * the letter's decisions, and each item section gives its decision the guidelines and the rationale.
 * Nothing stated is dropped: a restatement that differs from the list, a statement outside it, or a
 * section no statement names, is kept with a problem saying so.
 */
final class NoticeDecisions {

  private NoticeDecisions() {}

  /** A decision being put together. */
  private static final class Draft {
    final String item;
    final Outcome outcome;
    final List<String> problems = new ArrayList<>();
    NoticeLetter.ItemSection section;

    Draft(String item, Outcome outcome) {
      this.item = item;
      this.outcome = outcome;
    }

    RawDecision toRaw(boolean lettersHaveSections) {
      if (section == null && lettersHaveSections) {
        problems.add("no section with its guidelines and rationale was found");
      }
      return section == null
          ? new RawDecision(item, null, null, outcome, null, null, null, problems)
          : new RawDecision(item, null, null, outcome, section.claimsGuideline(), section.reviewerGuideline(), section.rationale(),
              problems);
    }
  }

  static List<RawDecision> of(NoticeLetter.Notice notice) {
    List<List<Determinations.Statement>> lists = lists(notice.statements());
    List<Determinations.Statement> chosen = List.of();
    for (List<Determinations.Statement> l : lists) {
      if (l.size() > chosen.size()) {
        chosen = l;
      }
    }
    List<Draft> drafts = new ArrayList<>();
    for (Determinations.Statement s : chosen) {
      drafts.add(new Draft(s.item(), s.outcome()));
    }
    int listed = drafts.size();
    for (List<Determinations.Statement> l : lists) {
      if (l != chosen) {
        for (Determinations.Statement s : l) {
          restated(drafts, listed, s);
        }
      }
    }
    for (int k = 0; k < notice.sections().size(); k++) {
      attach(drafts, listed, k, notice.sections().get(k));
    }
    List<RawDecision> out = new ArrayList<>();
    for (Draft d : drafts) {
      out.add(d.toRaw(!notice.sections().isEmpty()));
    }
    return out;
  }

  /**
   * Statements in runs: numbered ones while the numbers go up by one (the lines between them may be
   * an item's section), unnumbered ones while they follow each other line after line.
   */
  static List<List<Determinations.Statement>> lists(List<Determinations.Statement> statements) {
    List<List<Determinations.Statement>> out = new ArrayList<>();
    Determinations.Statement prev = null;
    for (Determinations.Statement s : statements) {
      boolean continues = prev != null && (s.number() != null
          ? prev.number() != null && s.number() == prev.number() + 1
          : prev.number() == null && s.line() == prev.line() + prev.lineCount());
      if (!continues) {
        out.add(new ArrayList<>());
      }
      out.get(out.size() - 1).add(s);
      prev = s;
    }
    return out;
  }

  /** A statement outside the chosen list: the same as one of the list's, or kept as a decision of its own. */
  private static void restated(List<Draft> drafts, int listed, Determinations.Statement s) {
    Draft same = null;
    if (s.number() != null && s.number() >= 1 && s.number() <= listed) {
      same = drafts.get(s.number() - 1);
    } else {
      for (int k = 0; k < listed && same == null; k++) {
        same = Determinations.key(drafts.get(k).item).equals(Determinations.key(s.item())) ? drafts.get(k) : null;
      }
    }
    if (same == null) {
      Draft extra = new Draft(s.item(), s.outcome());
      extra.problems.add("stated apart from the letter's list of determinations");
      drafts.add(extra);
    } else if (!Determinations.key(same.item).equals(Determinations.key(s.item())) || same.outcome != s.outcome()) {
      same.problems.add("stated again differently: '" + s.item() + "' " + word(s.outcome()));
    }
  }

  /** Gives a section to the decision of its number (or place); a section no decision takes becomes one. */
  private static void attach(List<Draft> drafts, int listed, int place, NoticeLetter.ItemSection section) {
    int n = section.number() != null ? section.number() - 1 : place;
    if (section.number() == null && section.item() != null) {
      // an unnumbered section goes to the decision of its item, if one has it
      for (int k = 0; k < listed; k++) {
        if (drafts.get(k).section == null && Determinations.key(drafts.get(k).item).equals(Determinations.key(section.item()))) {
          n = k;
          break;
        }
      }
    }
    Draft d = n >= 0 && n < listed ? drafts.get(n) : null;
    if (d != null && d.section == null) {
      d.section = section;
      return;
    }
    Outcome outcome = section.statedOutcome() != null ? section.statedOutcome() : OutcomeReader.read(section.rationale());
    Draft extra = new Draft(section.item(), outcome);
    extra.section = section;
    extra.problems.add(d == null
        ? "no determination statement names it; the outcome is read from its section"
        : "its section repeats the number " + section.number() + "; the outcome is read from its section");
    drafts.add(extra);
  }

  private static String word(Outcome o) {
    return o == Outcome.UPHELD ? "not medically necessary" : "medically necessary";
  }
}
