package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.shell.jline3.PicocliJLineCompleter;

class ShellCommandTest {

  @TempDir
  Path tmp;

  @Test
  void runsCommandsWithoutThePrefixOnOneOpenIndex() throws Exception {
    Path index = tmp.resolve("index");
    assertEquals(0, Fixtures.imr("index", "--index", index.toString(), "--quiet", Fixtures.corpus().resolve("letters").toString()).exit());
    String input = String.join("\n",
        "report --by layout --format csv",
        "search 'rationale:\"long-term use\"' --limit 1 --format jsonl",
        "report --by drug_clas",
        "shell",
        "exit", "");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int before = OpenIndexes.openedSoFar();
    int exit = ShellCommand.run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, index);
    String text = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, exit);
    assertTrue(text.contains("standard,21,18,3,0.8571,0.6536,0.9502,0.525"), text);
    assertTrue(text.contains("\"item\":\"Restoril 15 mg Qty 30 with 2 refills\"") || text.contains("\"item\":\"Valium 10mg #120\"")
        || text.contains("\"item\":\"Soma 350mg #60\"") || text.contains("\"item\":\"Xanax 0.5mg #30\"")
        || text.contains("\"item\":\"30 Tablets of Valium 10mg\""), text);
    assertTrue(text.contains("imr: unknown dimension 'drug_clas'"), text);
    assertTrue(text.contains("imr: already in the shell"), text);
    assertEquals(1, OpenIndexes.openedSoFar() - before, "the index should be opened once for all commands");
  }

  @Test
  void tabCompletesCommandsOptionsAndDimensions() {
    PicocliJLineCompleter completer = new PicocliJLineCompleter(Imr.commandLine().getCommandSpec());
    assertTrue(complete(completer, "rep").contains("report"));
    assertTrue(complete(completer, "search --fac").contains("--facet"));
    assertTrue(complete(completer, "report --by lay").contains("layout"));
    assertTrue(complete(completer, "search x --facet ").contains("all"));
    assertTrue(complete(completer, "search x --filter drug_c").contains("drug_class="));
  }

  private static List<String> complete(PicocliJLineCompleter completer, String line) {
    List<Candidate> candidates = new ArrayList<>();
    completer.complete(null, new DefaultParser().parse(line, line.length()), candidates);
    return candidates.stream().map(Candidate::value).toList();
  }
}
