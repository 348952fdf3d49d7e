package org.imrindex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.imrindex.model.DateSource;
import org.imrindex.model.Decision;
import org.imrindex.model.Reason;
import org.imrindex.model.DeterminationLetter;
import org.imrindex.model.LetterJson;
import org.imrindex.query.LetterLookup;
import org.imrindex.query.QueryIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code imr show CASE_NUMBER|LETTER_ID}: one letter as a person reads it, or its stored record. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "Prints one letter as a person reads it: case number, dates, reviewer, patient, the clinical",
      "summary, then each decision with its outcome, item, category, drug, citations, each reason with",
      "the sentence of the rationale that gave it and the whole rationale, and the file it was read",
      "from. --format json prints the stored record (as imr extract does). A letter without a case",
      "number is named by its id, whole or its first 8 or more characters (search hits print 12).",
      "",
      "Examples:  imr show CM13-0047203",
      "           imr show 41bcf7ba9b90 --format json"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:Success.", "1:No letter has that case number or id.", "2:Usage error: not a case number or id, or an",
        "  id prefix that names several letters.", "3:No index."})
final class ShowCommand implements Callable<Integer> {

  /** Show formats. */
  enum Format { TEXT, JSON }

  @Spec
  CommandSpec spec;

  @Mixin
  IndexOption index;

  @Parameters(paramLabel = "CASE_NUMBER|LETTER_ID", description = "The letter's case number (any case) or id.")
  String key;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
  Format format;

  @Mixin
  WidthOption width;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    return QueryCommands.run(err, () -> {
      try (OpenIndexes.Lease lease = OpenIndexes.open(index.readable())) {
        QueryIndex.Resolved found = new LetterLookup(lease.index()).find(key);
        if (found == null) {
          err.println("imr: no letter with case number or id " + Terminal.escape(key.strip()));
          return ExitCode.SOME_FAILED;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.JSON) {
          out.println(LetterJson.mapper().writeValueAsString(found.letter()));
        } else {
          out.print(text(found.letterId(), found.letter(), width.columns()));
        }
        out.flush();
        return ExitCode.OK;
      }
    });
  }

  /** The letter for a person: header, summary, every decision whole, the source; text wrapped to {@code width} - 2 columns. */
  static String text(String letterId, DeterminationLetter l, int width) {
    StringBuilder sb = new StringBuilder();
    sb.append(l.caseNumber() != null ? l.caseNumber() : "letter " + letterId).append("   (").append(l.layout()).append(" layout)\n");
    List<String> dates = new ArrayList<>();
    String decided = LetterSummary.decided(l);
    if (decided != null) {
      dates.add(decided);
    }
    if (l.decisionDateSource() != DateSource.LETTER) {
      add(dates, "letter", l.letterDate()); // else it stands as the decision date, said once
    }
    add(dates, "assigned", l.dateAssigned());
    add(dates, "UR denial", l.urDenialDate());
    if (!dates.isEmpty()) {
      sb.append("  ").append(String.join("   ", dates)).append('\n');
    }
    var r = l.reviewer();
    sb.append("  reviewer  ").append(r.specialties().isEmpty() ? "-" : String.join(", ", r.specialties()))
        .append(r.subspecialties().isEmpty() ? "" : " (" + String.join(", ", r.subspecialties()) + ")")
        .append(r.licensureStates().isEmpty() ? "" : ", licensed " + String.join(" ", r.licensureStates())).append('\n');
    var p = l.patient();
    sb.append("  patient   ").append(p.age() == null ? "age ?" : p.age() + " y").append(", ").append(p.sex() == null ? "sex ?" : p.sex())
        .append(", injured ").append(p.dateOfInjury() == null ? "?" : p.dateOfInjury()).append('\n');
    if (l.summary() != null && !l.summary().isBlank()) {
      sb.append("\nClinical case summary\n");
      wrap(sb, width - 2, l.summary(), "  ");
    }
    int n = 0;
    for (Decision d : l.decisions()) {
      n++;
      sb.append(String.format(Locale.ROOT, "%nDecision %s of %s: %s   %s%n", Numbers.grouped(n), Numbers.grouped(l.decisions().size()),
          d.outcome() == null ? "?" : d.outcome(), d.item() == null ? "-" : d.item()));
      StringBuilder what = new StringBuilder(String.valueOf(d.serviceCategory()));
      if (d.drug() != null) {
        what.append(" | ").append(d.drug().generic() == null ? "-" : d.drug().generic())
            .append(" (").append(d.drug().drugClass() == null ? "-" : d.drug().drugClass()).append(')');
      }
      sb.append("  ").append(what).append('\n');
      if (d.originalRequest() != null || d.authorizedByClaimsAdministrator() != null) {
        sb.append("  original request: ").append(d.originalRequest() == null ? "-" : d.originalRequest())
            .append(" | authorized: ").append(d.authorizedByClaimsAdministrator() == null ? "-" : d.authorizedByClaimsAdministrator()).append('\n');
      }
      if (d.claimsAdministratorGuideline() != null) {
        sb.append("  claims administrator cited:\n");
        wrap(sb, width - 2, d.claimsAdministratorGuideline(), "    ");
      }
      if (d.reviewerGuideline() != null) {
        sb.append("  reviewer cited:\n");
        wrap(sb, width - 2, d.reviewerGuideline(), "    ");
      }
      if (d.reasons().isEmpty()) {
        sb.append("  reasons: none read from the rationale\n");
      }
      for (Reason why : d.reasons()) {
        sb.append("  reason ").append(why.code()).append(", from:\n");
        wrap(sb, width - 2, why.sentence(), "    ");
      }
      if (d.rationale() != null) {
        sb.append("  rationale:\n");
        wrap(sb, width - 2, d.rationale(), "    ");
      }
    }
    for (String w : l.warnings()) {
      sb.append("\nwarning: ").append(w).append('\n');
    }
    sb.append("\nsource: ").append(l.source() == null ? "-" : l.source().path()).append('\n');
    return (String) Terminal.escapeControls(sb.toString()); // control characters from letters made visible, lines kept
  }

  private static void add(List<String> out, String label, Object value) {
    if (value != null) {
      out.add(label + " " + value);
    }
  }

  /** {@code text} wrapped to {@code width} columns after {@code indent}; paragraphs kept. */
  private static void wrap(StringBuilder sb, int width, String text, String indent) {
    for (String paragraph : text.strip().split("\\n\\s*\\n")) {
      for (String line : Terminal.wrap(paragraph.strip().replaceAll("\\s+", " "), width - indent.length())) {
        sb.append(indent).append(line).append('\n');
      }
    }
  }
}
