package org.imrindex.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code imr} command: parse, index and query IMR determination letters. */
@Command(
    name = "imr",
    mixinStandardHelpOptions = true,
    versionProvider = Imr.Version.class,
    description = "Full-text search and analytics for California IMR final determination letters.",
    subcommands = {DemoCommand.class, ExtractCommand.class, IndexCommand.class, SearchCommand.class, ReportCommand.class,
        TermsCommand.class, ShellCommand.class,
        ExportCommand.class,
        StatsCommand.class, VerifyCommand.class,
        GenerateCommand.class, CommandLine.HelpCommand.class},
    footer = {"", "Add --debug to any command to see the stack trace of an unexpected error."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:Success.",
      "1:Finished, but some inputs were rejected (each named on stderr).",
      "2:Usage error (unknown option, bad value).",
      "3:Fatal error (nothing could be done)."
    })
public final class Imr implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new CommandLine.ParameterException(spec.commandLine(), "missing a command");
  }

  /** Builds the configured command line; tests use it with their own writers. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Imr());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExitCodeExceptionMapper(e -> ExitCode.FATAL);
    cl.setParameterExceptionHandler((ex, args) -> {
      CommandLine c = ex.getCommandLine();
      c.getErr().println("imr: " + Terminal.escape(ex.getMessage()));
      c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
      return ExitCode.USAGE;
    });
    return cl;
  }

  /** Runs imr with these arguments and returns the exit code. {@code --debug} anywhere shows stack traces. */
  public static int run(String... args) {
    return execute(commandLine(), args);
  }

  /** Runs a configured command line (the shell reuses one) with these arguments. */
  static int execute(CommandLine cl, String... args) {
    boolean debug = java.util.Arrays.asList(args).contains("--debug");
    String[] rest = java.util.Arrays.stream(args).filter(a -> !a.equals("--debug")).toArray(String[]::new);
    cl.setExecutionExceptionHandler((ex, c, parsed) -> {
      c.getErr().println("imr: " + Terminal.escape(String.valueOf(ex.getMessage())) + (debug ? "" : " (--debug shows the stack trace)"));
      if (debug) {
        ex.printStackTrace(c.getErr());
      }
      return ExitCode.FATAL;
    });
    try {
      return cl.execute(rest);
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError | LinkageError e) {
      // picocli hands Exceptions to the handler above; an Error (a broken install, a JVM limit) lands here
      cl.getErr().println("imr: internal error: " + Terminal.escape(String.valueOf(e)) + (debug ? "" : " (--debug shows the stack trace)"));
      if (debug) {
        e.printStackTrace(cl.getErr());
      }
      cl.getErr().flush();
      return ExitCode.FATAL;
    }
  }

  /** Lucene logs an advisory about the Vector API through java.util.logging; a CLI keeps stderr for its own lines. */
  private static final java.util.logging.Logger LUCENE_LOG = java.util.logging.Logger.getLogger("org.apache.lucene");

  public static void main(String[] args) {
    LUCENE_LOG.setLevel(java.util.logging.Level.SEVERE);
    System.exit(run(args));
  }

  /** Prints the tool version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Imr.class.getPackage().getImplementationVersion();
      return new String[] {"imr " + (v == null ? "(development build)" : v)};
    }
  }
}
