package org.imrindex.cli;

import java.util.List;
import java.util.Map;
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
    footer = {"", "Add --debug to any command to see the stack trace of an unexpected error.",
        "Long output on a terminal goes through $IMR_PAGER, else $PAGER, else less -FRX; add --no-pager to any command",
        "to print it directly."},
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

  /** The subcommands, in the order --help lists them. */
  private static final List<String> COMMANDS = List.of(
      "demo", "extract", "index", "search", "show", "similar", "report", "overview", "terms", "rerun", "shell", "export", "stats", "audit", "verify", "generate", "completion", "help");

  /**
   * A new instance of a subcommand. (A switch, not a map of constructor references: the JDK 25 AOT
   * cache writer crashed archiving the lambdas of such a map held in a static field.)
   */
  private static Object newCommand(String name) {
    return switch (name) {
      case "demo" -> new DemoCommand();
      case "extract" -> new ExtractCommand();
      case "index" -> new IndexCommand();
      case "search" -> new SearchCommand();
      case "show" -> new ShowCommand();
      case "similar" -> new SimilarCommand();
      case "report" -> new ReportCommand();
      case "overview" -> new OverviewCommand();
      case "terms" -> new TermsCommand();
      case "rerun" -> new RerunCommand();
      case "shell" -> new ShellCommand();
      case "export" -> new ExportCommand();
      case "stats" -> new StatsCommand();
      case "audit" -> new AuditCommand();
      case "verify" -> new VerifyCommand();
      case "generate" -> new GenerateCommand();
      case "completion" -> new CompletionCommand();
      case "help" -> new CommandLine.HelpCommand();
      default -> throw new IllegalArgumentException(name);
    };
  }

  /** Builds the configured command line with every subcommand; tests and the shell use it. */
  public static CommandLine commandLine() {
    return commandLine(null);
  }

  /**
   * Builds the command line with one subcommand, or all when {@code only} is null. Picocli reads
   * every command's annotations when it is added (a fifth of a cold start for all twelve), so a run
   * of one command registers that command alone.
   */
  static CommandLine commandLine(String only) {
    CommandLine cl = new CommandLine(new Imr());
    for (String name : COMMANDS) {
      if (only == null || only.equals(name)) {
        cl.addSubcommand(name, newCommand(name));
      }
    }
    HelpText.reflow(cl);
    cl.setUsageHelpAutoWidth(true);
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
    return execute(commandLine(only(args)), args);
  }

  /** The command named first (options --debug and --no-pager aside), or null. */
  private static String first(String[] args) {
    return java.util.Arrays.stream(args).filter(a -> !a.equals("--debug") && !a.equals(Pager.NO_PAGER)).findFirst().orElse(null);
  }

  /**
   * The one command to register for a run, null for all of them, or "" for none: {@code imr --version}
   * alone needs no command, and registering all of them took 40% of its CPU time.
   */
  static String only(String[] args) {
    List<String> rest = java.util.Arrays.stream(args).filter(a -> !a.equals("--debug") && !a.equals(Pager.NO_PAGER)).toList();
    if (rest.size() == 1 && (rest.get(0).equals("--version") || rest.get(0).equals("-V"))) {
      return "";
    }
    String first = first(args);
    return first != null && COMMANDS.contains(first) && !first.equals("help") ? first : null;
  }

  /**
   * Runs imr as {@link #run} does, its output through a pager when {@link Pager#choose} says so for
   * this environment and whether stdout is a terminal; printed directly when the pager cannot start.
   */
  static int runPaged(Map<String, String> env, boolean stdoutIsTerminal, String... args) {
    String first = first(args);
    List<String> pager = Pager.choose(first, java.util.Arrays.asList(args).contains(Pager.NO_PAGER), stdoutIsTerminal, false, env);
    Pager.Session session = pager == null ? null : Pager.start(pager, env);
    if (session == null) {
      return run(args);
    }
    try (session) {
      CommandLine cl = commandLine(only(args));
      cl.setOut(session.out());
      return execute(cl, args);
    }
  }

  /** Runs a configured command line (the shell reuses one) with these arguments. */
  static int execute(CommandLine cl, String... args) {
    boolean debug = java.util.Arrays.asList(args).contains("--debug");
    // --no-pager was decided on before (and means nothing in the shell)
    String[] rest = java.util.Arrays.stream(args).filter(a -> !a.equals("--debug") && !a.equals(Pager.NO_PAGER)).toArray(String[]::new);
    cl.setExecutionExceptionHandler((ex, c, parsed) -> {
      if (ex instanceof org.imrindex.query.QueryCancelledException) {
        c.getErr().println("imr: cancelled");
        return ExitCode.CANCELLED;
      }
      if (ex instanceof org.imrindex.query.QuerySyntaxException) {
        c.getErr().println("imr: " + Terminal.escape(String.valueOf(ex.getMessage())));
        return ExitCode.USAGE;
      }
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
    System.exit(runPaged(System.getenv(), Boolean.getBoolean("imr.stdout.tty"), args));
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
