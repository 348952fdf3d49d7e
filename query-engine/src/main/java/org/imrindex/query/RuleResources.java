package org.imrindex.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the engine's commented rule files (outcome phrases, privacy patterns) from the classpath, as UTF-8. */
final class RuleResources {

  private RuleResources() {}

  /** The text of resource {@code name} beside this package's classes; a missing one is an error of the build, not of input. */
  static String read(String name) {
    try (InputStream in = RuleResources.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource missing: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
