package org.imrindex.cli;

/** The exit codes of every imr command, as listed in --help. */
public final class ExitCode {
  /** Everything asked for was done. */
  public static final int OK = 0;
  /** Finished, but some inputs were rejected (each named on stderr). */
  public static final int SOME_FAILED = 1;
  /** The command line was wrong. */
  public static final int USAGE = 2;
  /** Could not run at all (missing index, I/O failure). */
  public static final int FATAL = 3;
  /** Stopped by Ctrl-C (in {@code imr shell}, the command; otherwise the process: 128 + SIGINT). */
  public static final int CANCELLED = 130;

  private ExitCode() {}
}
