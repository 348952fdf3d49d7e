package org.imrindex.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.imrindex.schema.FacetDimension;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.shell.jline3.PicocliJLineCompleter;

/**
 * Tab completion in {@code imr shell}: picocli's completion of commands, options and their
 * candidates, with enum values (formats, sorts) in lowercase as people type them, and filter values
 * after {@code --filter dim=} read from the index the line names (its {@code --index}, else the
 * shell's).
 */
final class ShellCompleter implements Completer {

  /** The values a dimension has in an index; an index that cannot be read has none. */
  @FunctionalInterface
  interface Values {
    List<String> of(Path index, FacetDimension dim);

    /** The values of the index folder, read through the shell's open indexes. */
    Values INDEX = (index, dim) -> {
      try (OpenIndexes.Lease lease = OpenIndexes.open(index)) {
        return lease.index().values(dim);
      } catch (IOException | RuntimeException e) {
        return List.of(); // no index there (yet): nothing to offer, and nothing to say while typing
      }
    };
  }

  private final CommandSpec spec;
  private final PicocliJLineCompleter picocli;
  private final Values values;

  ShellCompleter(CommandSpec spec, Values values) {
    this.spec = spec;
    this.picocli = new PicocliJLineCompleter(spec);
    this.values = values;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    List<String> words = line.words();
    int at = line.wordIndex();
    String word = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
    String previous = at > 0 ? words.get(at - 1) : "";
    String filter = word.startsWith("--filter=") ? word.substring("--filter=".length()) : previous.equals("--filter") ? word : null;
    if (filter != null && filter.indexOf('=') > 0) {
      filterValues(words, word, filter, candidates);
      return;
    }
    List<Candidate> found = new ArrayList<>();
    picocli.complete(reader, line, found);
    OptionSpec option = option(words, previous);
    for (Candidate c : found) {
      candidates.add(option != null && option.type().isEnum() ? lowercase(c) : c);
    }
  }

  /** Candidates {@code dim=value} for the dimension named in {@code filter} ("drug_class=op"). */
  private void filterValues(List<String> words, String word, String filter, List<Candidate> candidates) {
    String dimName = filter.substring(0, filter.indexOf('='));
    FacetDimension dim;
    try {
      dim = FacetDimension.of(dimName);
    } catch (IllegalArgumentException unknown) {
      return;
    }
    String stem = word.substring(0, word.length() - filter.length()) + dimName + "=";
    for (String v : values.of(index(words), dim)) {
      candidates.add(new Candidate(stem + v, v, null, null, null, null, true));
    }
  }

  /** The index the line names with --index, else the one its command would use. */
  static Path index(List<String> words) {
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (w.equals("--index") && i + 1 < words.size() && !words.get(i + 1).isEmpty()) {
        return Path.of(words.get(i + 1));
      }
      if (w.startsWith("--index=") && w.length() > "--index=".length()) {
        return Path.of(w.substring("--index=".length()));
      }
    }
    return IndexOption.defaultIndex();
  }

  /** The option {@code previous} names in the line's command, if any. */
  private OptionSpec option(List<String> words, String previous) {
    if (words.isEmpty() || !previous.startsWith("-")) {
      return null;
    }
    var sub = spec.subcommands().get(words.get(0));
    return sub == null ? null : sub.getCommandSpec().findOption(previous);
  }

  private static Candidate lowercase(Candidate c) {
    String v = c.value().toLowerCase(Locale.ROOT);
    return new Candidate(v, v, c.group(), c.descr(), c.suffix(), c.key(), c.complete());
  }
}
