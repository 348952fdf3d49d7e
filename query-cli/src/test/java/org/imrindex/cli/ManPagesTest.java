package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's man pages: ManPageGenerator's AsciiDoc for imr and every command, and the troff made from it. */
class ManPagesTest {

  @TempDir
  Path dir;

  @Test
  void asciiDocOfTheGeneratorsShapeBecomesTroff() {
    String adoc = """
        // tag::picocli-generated-man-section-header[]
        :doctype: manpage
        :manmanual: Imr Manual
        :mansource:\s
        = imr-stats(1)

        == Name

        imr-stats - What the index holds.

        == Synopsis

        *imr stats* [*-hV*] [*--format*=_FORMAT_]
                    [*--index*=_DIR_]

        == Options

        *--format*=_FORMAT_::
          text or json; drug_class and parse_warnings keep their underscores.

        ==  Exit codes:

        *0*::
          Success.
        """;
    assertEquals("""
        .TH "IMR\\-STATS" "1" "" "" "Imr Manual"
        .SH "NAME"
        .PP
        imr\\-stats \\- What the index holds.
        .SH "SYNOPSIS"
        .PP
        .nf
        \\fBimr stats\\fR [\\fB\\-hV\\fR] [\\fB\\-\\-format\\fR=\\fIFORMAT\\fR]
                    [\\fB\\-\\-index\\fR=\\fIDIR\\fR]
        .fi
        .SH "OPTIONS"
        .TP
        \\fB\\-\\-format\\fR=\\fIFORMAT\\fR
        text or json; drug_class and parse_warnings keep their underscores.
        .SH "EXIT CODES"
        .TP
        \\fB0\\fR
        Success.
        """, ManPages.troff(adoc));
  }

  @Test
  void aPagePerCommand() throws Exception {
    ManPages.main(new String[] {dir.toString()});
    List<String> names;
    try (Stream<Path> s = Files.list(dir)) {
      names = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".1")).sorted().toList();
    }
    assertEquals(List.of("imr-audit.1", "imr-completion.1", "imr-demo.1", "imr-export.1", "imr-extract.1", "imr-generate.1", "imr-help.1",
        "imr-index.1", "imr-overview.1", "imr-report.1", "imr-rerun.1", "imr-search.1", "imr-shell.1", "imr-show.1", "imr-similar.1", "imr-stats.1", "imr-terms.1", "imr-verify.1",
        "imr.1"), names);
    String search = Files.readString(dir.resolve("imr-search.1"), StandardCharsets.UTF_8);
    assertTrue(search.startsWith(".TH \"IMR\\-SEARCH\" \"1\""), search);
    assertTrue(search.contains(".TP\n\\fB\\-\\-width\\fR=\\fIN\\fR\nColumns to lay text out for."), search);
    assertTrue(Files.readString(dir.resolve("imr.1"), StandardCharsets.UTF_8).contains("\\-\\-no\\-pager"));
  }
}
