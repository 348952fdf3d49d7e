package org.imrindex.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code imr completion bash|zsh}: a shell completion script for every command and option (picocli's AutoComplete). */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Prints a completion script for bash or zsh: commands, options, dimensions and formats complete",
      "with Tab. Install it once:",
      "  bash:  imr completion bash > ~/.local/share/bash-completion/completions/imr",
      "  zsh:   imr completion zsh > \"${fpath[1]}/_imr\"   (or: source <(imr completion zsh) in ~/.zshrc)"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:Success.", "2:Usage error: a shell other than bash or zsh."})
final class CompletionCommand implements Callable<Integer> {

  /** The shells a script is written for. */
  enum Shell { BASH, ZSH }

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
  Shell shell;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (shell == Shell.ZSH) {
      // picocli's script is written for bash; zsh runs it through its bash completion layer
      out.println("autoload -U +X compinit && compinit");
      out.println("autoload -U +X bashcompinit && bashcompinit");
    }
    // every command: a run registers only the command it runs, so the script is made from the full command line
    out.print(AutoComplete.bash("imr", Imr.commandLine()));
    out.flush();
    return ExitCode.OK;
  }
}
