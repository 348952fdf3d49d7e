package org.imrindex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.imrindex.model.LetterJson;
import org.imrindex.query.PrivacyAudit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code imr audit}: identifiers that redaction may have missed, by kind and letter, never their values. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {"Looks through the indexed letters for identifiers that redaction may have missed: Social",
        "Security numbers, phone numbers, e-mail addresses, claim numbers, street addresses, dates of birth,",
        "and names after labels (Patient:, Dear, Mr., Ms.). It reads every text field of each stored",
        "record (summary, items, original requests, guidelines, citations, rationales, reviewer",
        "credentials); the patterns are in privacy-patterns.txt. It says how many of each kind and in which",
        "letters, never what was found: open a letter with imr show to look.",
        "", "Example:  imr audit --format json"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:Nothing found.", "1:Something found (the letters are listed).", "2:Usage error.",
        "3:No index, or one this version cannot read (it says what to do).", "130:Interrupted (Ctrl-C)."})
final class AuditCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  IndexOption index;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
  SummaryFormat format;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    return QueryCommands.run(spec.commandLine().getErr(), () -> {
      PrivacyAudit.Result r;
      try (OpenIndexes.Lease lease = OpenIndexes.open(index.readable())) {
        r = PrivacyAudit.run(lease.index());
      }
      if (format == SummaryFormat.JSON) {
        out.println(LetterJson.mapper().writeValueAsString(json(r)));
      } else {
        out.printf(Locale.ROOT, "audit of %s %s: %s with possible identifiers%n", Numbers.grouped(r.letters()),
            r.letters() == 1 ? "letter" : "letters", r.lettersWithFindings() == 1 ? "1 letter" : Numbers.grouped(r.lettersWithFindings()) + " letters");
        out.println("kind            found  letters");
        for (PrivacyAudit.Kind k : r.kinds()) {
          out.printf(Locale.ROOT, "%-14s %6s  %7s%s%n", k.kind(), Numbers.grouped(k.found()), Numbers.grouped(k.letterIds().size()),
              k.letterIds().isEmpty() ? "" : "  " + Terminal.escape(String.join(" ", k.letterIds())));
        }
      }
      out.flush();
      return r.lettersWithFindings() == 0 ? ExitCode.OK : ExitCode.SOME_FAILED;
    });
  }

  private static com.fasterxml.jackson.databind.node.ObjectNode json(PrivacyAudit.Result r) {
    var root = LetterJson.mapper().createObjectNode();
    root.put("letters", r.letters());
    root.put("letters_with_findings", r.lettersWithFindings());
    var kinds = root.putObject("kinds");
    for (PrivacyAudit.Kind k : r.kinds()) {
      var node = kinds.putObject(k.kind());
      node.put("found", k.found());
      var ids = node.putArray("letter_ids");
      k.letterIds().forEach(ids::add);
    }
    return root;
  }
}
