package org.imrindex.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Long output on a terminal goes through a pager, as git does: {@code $IMR_PAGER}, else
 * {@code $PAGER}, else {@code less -FRX} (which prints output that fits on the screen and quits).
 * Never when stdout is not a terminal, with --no-pager, or in {@code imr shell}; an empty pager or
 * {@code cat} means none; a pager that cannot start means printing directly.
 */
final class Pager {

  private Pager() {}

  /** The commands whose output can be long enough to page. */
  static final Set<String> PAGED = Set.of("search", "show", "report", "terms", "stats", "extract", "help");

  /** The option, accepted anywhere on the command line, that prints straight to the terminal. */
  static final String NO_PAGER = "--no-pager";

  /** The default pager, started without a shell so that a missing {@code less} is known at once. */
  static final List<String> DEFAULT = List.of("less", "-FRX");

  /**
   * The pager command to run (its words), or null to print directly: the decision alone, without
   * starting anything. {@code command} is the first word of the command line ({@code search}...).
   */
  static List<String> choose(String command, boolean noPager, boolean stdoutIsTerminal, boolean inShell, Map<String, String> env) {
    if (noPager || !stdoutIsTerminal || inShell || command == null || !PAGED.contains(command)) {
      return null;
    }
    String pager = env.get("IMR_PAGER");
    if (pager == null) {
      pager = env.get("PAGER");
    }
    if (pager == null) {
      return DEFAULT;
    }
    if (pager.isBlank() || pager.strip().equals("cat")) {
      return null;
    }
    return List.of("sh", "-c", pager);
  }

  /**
   * Whether the program a pager command line starts is there: an executable path, or a name found on
   * PATH. A command that starts with shell syntax (a variable, a quote) is taken to be there.
   */
  static boolean installed(String commandLine, String path) {
    String program = commandLine.strip().split("\\s+", 2)[0];
    if (!program.matches("[A-Za-z0-9_./+-]+")) {
      return true;
    }
    if (program.contains("/")) {
      return java.nio.file.Files.isExecutable(java.nio.file.Path.of(program));
    }
    for (String dir : (path == null ? "" : path).split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A running pager: write the output to {@link #out}, then {@link #close} to let the reader finish.
   * Ctrl-C ends the command but not the pager (as with git): the JVM waits until it is quit, so that
   * the shell's prompt does not come back under a pager still on the screen.
   */
  record Session(Process process, PrintWriter out, Thread hook) implements AutoCloseable {
    /** Ends the pager's input and waits until the person has quit it. */
    @Override
    public void close() {
      finish();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running it too
      }
    }

    private void finish() {
      out.close(); // a pager quit early makes the writes fail silently (PrintWriter keeps the error to itself)
      while (true) {
        try {
          process.waitFor();
          return;
        } catch (InterruptedException e) {
          // Ctrl-C reaches the pager too (same process group); wait for it to end all the same
        }
      }
    }
  }

  /**
   * Starts the pager on the terminal (its output and errors are the terminal's), or returns null when
   * it cannot be started (not installed): the caller then prints directly.
   */
  static Session start(List<String> command, Map<String, String> env) {
    if (command.size() == 3 && command.get(0).equals("sh") && !installed(command.get(2), env.get("PATH"))) {
      return null; // the shell would start, say "not found" and lose the output
    }
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.INHERIT)
        .redirectError(ProcessBuilder.Redirect.INHERIT);
    if (command.equals(DEFAULT) && !env.containsKey("LESSCHARSET")) {
      pb.environment().put("LESSCHARSET", "utf-8"); // the output is UTF-8 whatever the locale says
    }
    try {
      Process p = pb.start();
      PrintWriter out = new PrintWriter(new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8), true);
      Session[] session = new Session[1];
      Thread hook = new Thread(() -> session[0].finish(), "imr-pager");
      session[0] = new Session(p, out, hook);
      Runtime.getRuntime().addShutdownHook(hook);
      return session[0];
    } catch (IOException e) {
      return null;
    }
  }
}
