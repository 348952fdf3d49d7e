package org.imrindex.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options of one {@code bin/bench} command, each declared once with its default: the parsing,
 * the usage line and the refusal of an unknown option, a missing value or a bad number are shared by
 * every benchmark. A usage error prints one line and exits with 2.
 */
final class BenchArgs {

  /** Where corpora, indexes and databases go unless {@code --dir} says otherwise. */
  static final String DEFAULT_DIR = Path.of(System.getProperty("java.io.tmpdir"), "imr-bench").toString();

  /** All cores, the default of {@code --threads}. */
  static final String ALL_CORES = String.valueOf(Runtime.getRuntime().availableProcessors());

  private final String usage;
  private final Map<String, String> values;

  private BenchArgs(String usage, Map<String, String> values) {
    this.usage = usage;
    this.values = values;
  }

  /**
   * Parses {@code args} for {@code bin/bench command}; {@code optionsAndDefaults} alternates an
   * option's name and its default value ("--count", "100000", …).
   */
  static BenchArgs parse(String command, String[] args, String... optionsAndDefaults) {
    Map<String, String> values = new LinkedHashMap<>();
    StringBuilder usage = new StringBuilder("usage: bin/bench ").append(command);
    for (int i = 0; i + 1 < optionsAndDefaults.length; i += 2) {
      values.put(optionsAndDefaults[i], optionsAndDefaults[i + 1]);
      usage.append(" [").append(optionsAndDefaults[i]).append(' ').append(optionsAndDefaults[i + 1]).append(']');
    }
    BenchArgs parsed = new BenchArgs(usage.toString(), values);
    for (int i = 0; i < args.length; i += 2) {
      if (!values.containsKey(args[i]) || i + 1 >= args.length) {
        throw parsed.fail(values.containsKey(args[i]) ? args[i] + " needs a value" : "unknown option " + args[i]);
      }
      values.put(args[i], args[i + 1]);
    }
    return parsed;
  }

  /** An integer option's value. */
  int integer(String option) {
    try {
      return Integer.parseInt(values.get(option));
    } catch (NumberFormatException e) {
      throw fail(option + " takes a whole number, not '" + values.get(option) + "'");
    }
  }

  /** A long option's value. */
  long number(String option) {
    try {
      return Long.parseLong(values.get(option));
    } catch (NumberFormatException e) {
      throw fail(option + " takes a whole number, not '" + values.get(option) + "'");
    }
  }

  /** An option's value as written (empty when its default is empty and it is not given). */
  String text(String option) {
    return values.get(option);
  }

  /** A folder option's value. */
  Path path(String option) {
    return Path.of(values.get(option));
  }

  /** Prints why and the usage line, and exits with 2 (the exception is for the compiler: it is never thrown). */
  private IllegalStateException fail(String why) {
    System.err.println("bin/bench: " + why);
    System.err.println(usage);
    System.exit(2);
    return new IllegalStateException(why);
  }
}
