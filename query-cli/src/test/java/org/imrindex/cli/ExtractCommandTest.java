package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.imrindex.model.LetterJson;
import org.imrindex.parse.IsolatedParser;
import org.imrindex.parse.ParserWorker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCommandTest {

  private static final ObjectMapper JSON = LetterJson.mapper();

  @TempDir
  Path tmp;

  // The records themselves (every bundled letter, and PDF and DOCX copies of the text letters, against
  // corpus-samples/expected) are the parser's: parser/ExpectedRecordsTest. These tests are about the
  // command: what it prints, in which format, and its exit codes.

  @Test
  void jsonPrintsOneArrayOfTheRecordsInInputOrder() throws IOException {
    Path seeds = Fixtures.corpus().resolve("letters/seeds");
    Fixtures.Run run = Fixtures.imr("extract", "--format", "json", seeds.resolve("003_1bf899ffda0acde2.txt").toString(), seeds.toString());
    assertEquals("", run.err());
    assertEquals(0, run.exit());
    assertTrue(run.out().startsWith("[ {\n  \"caseNumber\" : null,\n  \"source\" : {\n"), run.out());
    assertTrue(run.out().endsWith("} ]\n"), run.out());
    List<String> paths = new java.util.ArrayList<>();
    for (JsonNode record : JSON.readTree(run.out())) {
      paths.add(record.get("source").get("path").asText());
    }
    // the file first, then the folder's five letters by name
    assertEquals(List.of("003_1bf899ffda0acde2.txt", "000_3a4e8d0113b4c357.txt", "001_f0d839e0a1819322.txt",
        "002_a6a157f838184cd8.txt", "003_1bf899ffda0acde2.txt", "004_d6fa5ae0eb0f1d34.txt").stream()
        .map(f -> seeds.resolve(f).toString()).toList(), paths);
  }

  @Test
  void jsonlPrintsOneRecordPerLine() throws IOException {
    Fixtures.Run run = Fixtures.imr("extract", "--format", "jsonl", Fixtures.corpus().resolve("letters/seeds").toString());
    assertEquals(0, run.exit());
    List<String> lines = run.out().lines().toList();
    // one line per seed letter, in name order, each its whole record with all its items (2, 3, 1, 2
    // and 4, counted in the letters), compact: no space after the separators
    List<Integer> decisions = new java.util.ArrayList<>();
    for (String line : lines) {
      assertTrue(line.startsWith("{\"caseNumber\":null,\"source\":{\"path\":\""), line);
      assertTrue(line.endsWith("}],\"warnings\":[]}"), line); // the decisions, then the letter's (empty) warnings
      decisions.add(JSON.readTree(line).get("decisions").size());
    }
    assertEquals(List.of(2, 3, 1, 2, 4), decisions);
  }

  @Test
  void textFormatIsReadable() {
    Fixtures.Run run = Fixtures.imr("extract", "--format", "TEXT",
        Fixtures.corpus().resolve("letters/seeds/003_1bf899ffda0acde2.txt").toString());
    assertEquals(0, run.exit());
    assertEquals("", run.err());
    // what the letter says: a 60-year-old woman injured 08/07/2010; PM&R with Sports Medicine,
    // licensed in New York and Texas; Norco and Fexmid upheld, MAXIMUS citing pages 74-82 and 63-66
    assertEquals("""
        == %s
          case      -   layout standard
          patient   60 y, female, injured 2010-08-07
          reviewer  Physical Medicine and Rehabilitation (Sports Medicine)
          licensed  NY, TX
          1. upheld      Norco 10/325mg#120
             pharmaceutical | hydrocodone/acetaminophen (opioid) qty 120 | MTUS p. 74-82 | MTUS
          2. upheld      Fexmid 7.5mg #60
             pharmaceutical | cyclobenzaprine (muscle_relaxant) qty 60 | MTUS p. 63-66 | MTUS

        """.formatted(Fixtures.corpus().resolve("letters/seeds/003_1bf899ffda0acde2.txt")), run.out());
  }

  @Test
  void textFormatSaysWhenTheDecisionDateIsTheLetterDate() {
    // the notice states "Dated: 11/18/2013" and no decision date; the cover page "Date of IMR Decision: 11/02/2015"
    Fixtures.Run notice = Fixtures.imr("extract", "--format", "text",
        Fixtures.corpus().resolve("letters/samples/y2013-02-two-drugs-mixed.txt").toString());
    assertEquals(0, notice.exit(), notice.err());
    assertEquals("  case      CM13-0047203   layout notice   decided 2013-11-18 (letter date)", notice.out().lines().toList().get(1));
    Fixtures.Run cover = Fixtures.imr("extract", "--format", "text",
        Fixtures.corpus().resolve("letters/samples/cover-03-overturn-table.txt").toString());
    assertEquals(0, cover.exit(), cover.err());
    assertEquals("  case      CM15-0203311   layout cover   decided 2015-11-02", cover.out().lines().toList().get(1));
  }

  @Test
  void textFormatShowsWhatCouldNotBeReadWhole() throws IOException {
    Path letter = Files.writeString(tmp.resolve("cut.txt"), """
        IMR ISSUES, DECISIONS AND RATIONALES
        Norco 10/325mg #60: Upheld
        Decision rationale: The request is not medically necessary.
        Overturned
        Decision rationale: The request is medically necessary.
        """);
    Fixtures.Run run = Fixtures.imr("extract", "--format", "text", letter.toString());
    assertEquals(0, run.exit());
    assertTrue(run.out().contains("  2. overturned  \n"), run.out());
    assertTrue(run.out().contains("  warning   decision 2: item heading not found before 'Overturned'\n"), run.out());
  }

  @Test
  void textFormatShowsTheOriginalRequestOfAPartlyAuthorisedOne() throws IOException {
    Path letter = Files.writeString(tmp.resolve("partial.txt"), """
        IMR ISSUES, DECISIONS AND RATIONALES
        Acupuncture for 8 sessions was the original request. Acupuncture for 6 sessions was
        authorized by the Claims Administrator. The remaining IMR eligible portion of the
        original request, Acupuncture for 2 sessions is: Upheld
        Decision rationale: The request is not medically necessary.
        """);
    Fixtures.Run run = Fixtures.imr("extract", "--format", "text", letter.toString());
    assertEquals(0, run.exit());
    assertTrue(run.out().contains("  1. upheld      Acupuncture for 2 sessions\n"), run.out());
    assertTrue(run.out().contains("     original request: Acupuncture for 8 sessions | authorized: Acupuncture for 6 sessions\n"), run.out());
  }

  @Test
  void badFilesAreNamedOnStderrAndGoodOnesStillPrinted() throws IOException {
    Path good = Fixtures.corpus().resolve("letters/seeds/001_f0d839e0a1819322.txt");
    Path empty = Files.createFile(tmp.resolve("empty.txt"));
    Path prose = Files.writeString(tmp.resolve("note.txt"), "Dear Sir,\nplease find the invoice attached.\n");
    byte[] garbage = new byte[2048];
    new java.util.Random(3).nextBytes(garbage);
    Path fakePdf = Files.write(tmp.resolve("scan.pdf"), garbage);
    Path encrypted = tmp.resolve("locked.pdf");
    Fixtures.pdf(Files.readString(good), encrypted, "head", "secret");
    Path weird = Files.writeString(tmp.resolve("evil\n\u001b[31mname.txt"), "x");

    Fixtures.Run run = Fixtures.imr("extract", "--format", "jsonl", good.toString(), empty.toString(), prose.toString(),
        fakePdf.toString(), encrypted.toString(), weird.toString(), tmp.resolve("missing.txt").toString());

    assertEquals(1, run.exit());
    List<String> out = run.out().lines().toList();
    assertEquals(1, out.size(), run.out());
    assertEquals(good.toString(), JSON.readTree(out.get(0)).get("source").get("path").asText());
    List<String> err = run.err().lines().toList();
    assertEquals(List.of(
        "imr: " + tmp.resolve("missing.txt") + ": unreadable: no such file or folder",
        "imr: " + empty + ": empty: empty file (0 bytes)",
        "imr: " + prose + ": not-a-determination: no IMR determination headings (e.g. CLINICAL CASE SUMMARY, IMR ISSUES, DECISIONS AND RATIONALES)",
        "imr: " + encrypted + ": encrypted: encrypted document",
        "imr: " + tmp + "/evil\\n\\x1b[31mname.txt: not-a-determination: no IMR determination headings (e.g. CLINICAL CASE SUMMARY, IMR ISSUES, DECISIONS AND RATIONALES)"),
        err.stream().filter(l -> !l.contains("scan.pdf")).toList());
    assertTrue(err.stream().anyMatch(l -> l.startsWith("imr: " + fakePdf + ": corrupt: cannot parse application/pdf")), run.err());
  }

  /** A parser worker (the child process) that hangs on files named hang* and dies on die*. */
  public static final class MisbehavingWorker {
    public static void main(String[] args) throws IOException {
      ParserWorker.serve(path -> {
        if (path.getFileName().toString().startsWith("die")) {
          Runtime.getRuntime().halt(3);
        }
        while (true) {
          try {
            Thread.sleep(60_000);
          } catch (InterruptedException e) {
            // keep hanging
          }
        }
      });
    }
  }

  @Test
  void aFileThatHangsOrKillsTheParserIsRejectedAndTheOthersStillPrinted() throws IOException {
    String text = Files.readString(Fixtures.corpus().resolve("letters/seeds/003_1bf899ffda0acde2.txt"));
    Path hang = tmp.resolve("hang.pdf");
    Fixtures.pdf(text, hang, "head", null);
    Path die = tmp.resolve("die.docx");
    Fixtures.docx(text, die);
    // the good files are text, parsed in this process: only the misbehaving ones meet the time limit
    List<Path> good = List.of("000_3a4e8d0113b4c357.txt", "001_f0d839e0a1819322.txt", "002_a6a157f838184cd8.txt").stream()
        .map(n -> Fixtures.corpus().resolve("letters/seeds").resolve(n)).toList();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    // the same hook as the isolated parser's own tests: a worker that hangs for ever (the limit is 5 s) or dies
    int exit = ExtractCommand.extract(new ExtractCommand.Request(OutputFormat.JSONL, List.of(good.get(0), hang, good.get(1), die, good.get(2)),
        new IsolatedParser.Options(Duration.ofSeconds(5), "256m", MisbehavingWorker.class)),
        new PrintWriter(out, true), new PrintWriter(err, true));

    assertEquals(1, exit);
    assertEquals(good.stream().map(Path::toString).toList(),
        out.toString().lines().map(l -> readTree(l).get("source").get("path").asText()).toList());
    assertEquals(List.of(
        "imr: " + hang + ": timeout: no result within 5 s; the parser process was stopped",
        "imr: " + die + ": parser-crashed: the parser process died on this file (exit 3: out of memory)"),
        err.toString().lines().toList());
  }

  @Test
  void timeoutIsAnOptionAsForIndex() {
    Fixtures.Run help = Fixtures.imr("extract", "--help");
    assertTrue(help.out().contains("--timeout=S"), help.out());
    Fixtures.Run run = Fixtures.imr("extract", "--timeout", "0", "x.txt");
    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("imr: --timeout must be at least 1\n"), run.err());
    Fixtures.Run ok = Fixtures.imr("extract", "--timeout", "5", "--format", "jsonl",
        Fixtures.corpus().resolve("letters/seeds/003_1bf899ffda0acde2.txt").toString());
    assertEquals(0, ok.exit(), ok.err());
    assertEquals(1, ok.out().lines().count());
  }

  private static JsonNode readTree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void unknownFormatIsAUsageError() {
    Fixtures.Run run = Fixtures.imr("extract", "--format", "yaml", "x.txt");
    assertEquals(2, run.exit());
    assertEquals("imr: Invalid value for option '--format': expected one of [JSON, JSONL, TEXT] (case-insensitive) but was 'yaml'\n"
        + "Try 'imr extract --help' for more information.\n", run.err());
    assertEquals("", run.out());
  }

  @Test
  void noFilesIsAUsageError() {
    Fixtures.Run run = Fixtures.imr("extract");
    assertEquals(2, run.exit());
    assertEquals("imr: Missing required parameter: 'FILE'\nTry 'imr extract --help' for more information.\n", run.err());
    assertEquals("", run.out());
  }

  @Test
  void helpListsTheExitCodes() {
    Fixtures.Run run = Fixtures.imr("extract", "--help");
    assertEquals(0, run.exit());
    assertEquals("""
        Usage: imr extract [-hV] [--format=FORMAT] [--timeout=S] FILE...
        Parse determination letters (PDF, text, HTML, DOCX) and print their structured
        records. Folders are read recursively. A file that is not a determination gets
        one line on stderr; the others are still printed. PDF, HTML and DOCX are parsed
        in a separate process with a time limit, as by imr index: a file that hangs or
        crashes it is rejected (timeout, parser-crashed).

        Example:  imr extract --format json
        corpus-samples/letters/seeds/003_1bf899ffda0acde2.txt
              FILE...           Letter files or folders.
              --format=FORMAT   json (one array), jsonl (one record per line) or text
                                  (for people). Default: json.
          -h, --help            Show this help message and exit.
              --timeout=S       Longest time to parse one PDF, HTML or DOCX file.
                                  Default: 60.
          -V, --version         Print version information and exit.

        Exit codes:
          0   Every file parsed.
          1   Some files were not determinations, could not be read or timed out (named
                on stderr).
          2   Usage error.
        """, run.out());
    assertEquals("", run.err());
  }

}
