package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code imr completion}: a script that completes every command and its options, for bash and zsh. */
class CompletionCommandTest {

  @Test
  void bashScriptCompletesEveryCommandAndItsOptions() {
    Fixtures.Run run = Fixtures.imr("completion", "bash");
    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.err());
    assertTrue(run.out().contains("complete -F _complete_imr"), run.out());
    for (String command : new String[] {"demo", "extract", "index", "search", "report", "terms", "shell", "export", "stats", "verify"}) {
      assertTrue(run.out().contains(command), command);
    }
    // options of a command run in another process: --pivot is report's, --columns export's
    assertTrue(run.out().contains("--pivot") && run.out().contains("--columns"), "options of report and export");
  }

  @Test
  void zshLoadsBashCompletionFirst() {
    Fixtures.Run run = Fixtures.imr("completion", "ZSH");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().startsWith("autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n"), run.out());
    assertTrue(run.out().contains("complete -F _complete_imr"));
  }

  @Test
  void anotherShellIsAUsageError() {
    Fixtures.Run run = Fixtures.imr("completion", "fish");
    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("imr: Invalid value for positional parameter at index 0 (SHELL): expected one of [BASH, ZSH]"), run.err());
  }
}
