package org.imrindex.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code imr shell}: an interactive prompt that keeps the index open. */
@Command(
    name = "shell",
    mixinStandardHelpOptions = true,
    description = {
      "An interactive prompt: the same commands without the 'imr' prefix (search, report, terms, export,",
      "stats, …), with line editing, history (~/.imr_history) and tab completion of commands, options,",
      "dimension names, filter values read from the index (drug_class=op<Tab>) and format names. The index stays open between commands (reopened when it has a newer",
      "commit); --index sets the default index of the commands typed. Ctrl-C stops the command running",
      "(it ends with 'imr: cancelled', an index run at its last commit) and returns to the prompt; at the",
      "prompt it clears the line. 'exit' or Ctrl-D leaves.",
      "",
      "Example:  imr shell --index /data/imr-index"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:The shell ended.", "3:No terminal could be opened."})
final class ShellCommand implements Callable<Integer> {

  static final String PROMPT = "imr> ";

  @Spec
  CommandSpec spec;

  @Mixin
  IndexOption index;

  @Override
  public Integer call() throws IOException {
    try {
      IndexOption.checkReadable(index.index);
    } catch (org.imrindex.query.QuerySyntaxException e) {
      spec.commandLine().getErr().println("imr: " + org.imrindex.cli.Terminal.escape(e.getMessage()));
      return ExitCode.USAGE;
    }
    if (System.console() == null) {
      return run(System.in, System.out, index.index); // piped commands: no line editing
    }
    // a handler other than the default makes JLine catch SIGINT (else Ctrl-C during a command ends the
    // JVM); between commands it is ignored, during one it cancels it (see Interrupts)
    try (Terminal terminal = TerminalBuilder.builder().system(true).signalHandler(Terminal.SignalHandler.SIG_IGN).build()) {
      return loop(terminal, index.index);
    }
  }

  /** Where Ctrl-C comes from while a command runs. */
  @FunctionalInterface
  interface Interrupts {
    /** No Ctrl-C: input that is not a terminal. */
    Interrupts NONE = action -> () -> { };

    /** Calls {@code action} on each Ctrl-C until the returned registration is closed. */
    Registration onInterrupt(Runnable action);

    /** A registered Ctrl-C action; closing it restores what Ctrl-C did before. */
    interface Registration extends AutoCloseable {
      @Override
      void close();
    }

    /** Ctrl-C of a JLine terminal: its INT handler, replaced while a command runs. */
    static Interrupts of(Terminal terminal) {
      return action -> {
        Terminal.SignalHandler before = terminal.handle(Terminal.Signal.INT, signal -> action.run());
        return () -> terminal.handle(Terminal.Signal.INT, before);
      };
    }
  }

  /** What Ctrl-C does to the command running: its searches and walks stop, an ingest stops at its next commit. */
  static void cancelRunning() {
    OpenIndexes.cancelAll();
    StopOnSignal.cancelRunning();
  }

  /** Where the shell's lines come from: split into words as a shell would (quotes group words). */
  @FunctionalInterface
  interface Lines {
    /** The next line's words (empty for a blank line), or null at the end. */
    List<String> next() throws IOException;
  }

  /** Runs the shell on plain streams, without line editing (tests, and input that is not a terminal). */
  static int run(InputStream in, OutputStream out, Path defaultIndex) throws IOException {
    java.io.BufferedReader reader = new java.io.BufferedReader(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8), true);
    DefaultParser parser = new DefaultParser();
    return loop(() -> {
      String line = reader.readLine();
      return line == null ? null : words(parser.parse(line, line.length()).words());
    }, w, defaultIndex, Interrupts.NONE);
  }

  private static int loop(Terminal terminal, Path defaultIndex) throws IOException {
    PrintWriter w = terminal.writer();
    CommandLine probe = Imr.commandLine();
    LineReader reader = LineReaderBuilder.builder().terminal(terminal)
        .completer(new ShellCompleter(probe.getCommandSpec(), ShellCompleter.Values.INDEX)).parser(new DefaultParser())
        .option(LineReader.Option.CASE_INSENSITIVE, true)
        .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".imr_history")).build();
    return loop(() -> {
      while (true) {
        try {
          reader.readLine(PROMPT);
          // the commands lay text out for the terminal's width now (it may have been resized)
          System.setProperty("imr.stdout.columns", String.valueOf(terminal.getWidth()));
          return words(reader.getParsedLine().words());
        } catch (UserInterruptException e) {
          // Ctrl-C drops the line being typed
        } catch (EndOfFileException e) {
          return null;
        }
      }
    }, w, defaultIndex, Interrupts.of(terminal));
  }

  private static List<String> words(List<String> words) {
    return words.stream().filter(s -> !s.isEmpty()).toList();
  }

  /** The shell's loop: each line's command runs with Ctrl-C from {@code interrupts} cancelling it. */
  static int loop(Lines lines, PrintWriter w, Path defaultIndex, Interrupts interrupts) throws IOException {
    CommandLine cmd = Imr.commandLine();
    cmd.setOut(w);
    cmd.setErr(w);
    IndexOption.shellDefault = defaultIndex;
    OpenIndexes.keepOpen();
    w.println("imr shell: commands as on the command line without 'imr' (help lists them); Tab completes; exit leaves.");
    w.flush();
    try {
      List<String> words;
      while ((words = lines.next()) != null) {
        if (words.isEmpty()) {
          continue;
        }
        if (words.get(0).equals("exit") || words.get(0).equals("quit")) {
          break;
        }
        if (words.get(0).equals("shell")) {
          w.println("imr: already in the shell");
          w.flush();
          continue;
        }
        OpenIndexes.clearCancel();
        try (Interrupts.Registration ctrlC = interrupts.onInterrupt(ShellCommand::cancelRunning)) {
          Imr.execute(cmd, words.toArray(String[]::new));
        }
        w.flush();
      }
    } finally {
      IndexOption.shellDefault = null;
      OpenIndexes.closeAll();
    }
    return ExitCode.OK;
  }
}
