package org.imrindex.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A commented rules resource of {@code key | value} lines (# starts a comment), read with line numbers for errors. */
final class RuleFile {

  /** One rule line: its number in the file, the text before the first bar and the text after it, stripped. */
  record Line(int number, String key, String value) {}

  private RuleFile() {}

  /** The text of a resource beside {@code owner}; a missing resource is an error in the build, not in input. */
  static String resource(Class<?> owner, String name) {
    try (InputStream in = owner.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource missing: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rule lines of {@code text}; a line without a bar is refused, naming the file, the line and {@code expected}. */
  static List<Line> lines(String file, String text, String expected) {
    List<Line> out = new ArrayList<>();
    int no = 0;
    for (String line : text.split("\n", -1)) {
      no++;
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      int bar = t.indexOf('|');
      if (bar < 0) {
        throw new IllegalArgumentException(file + " line " + no + ": expected '" + expected + "'");
      }
      out.add(new Line(no, t.substring(0, bar).strip(), t.substring(bar + 1).strip()));
    }
    return out;
  }
}
