package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * picocli is built from its sources for Java 21 (module picocli-rebuilt): the startup cache skips
 * class files older than Java 6, which picocli's own jar holds (Java 5, version 49). A dependency
 * that brings picocli's jar back would put a second, uncacheable copy on the class path.
 */
class PicocliClassesTest {

  /** Java 21's class file major version (JVMS 4.1). */
  private static final int JAVA_21 = 65;

  @Test
  void picocliClassesAreJava21ClassFiles() throws IOException {
    for (Class<?> c : List.of(CommandLine.class, CommandLine.Model.CommandSpec.class, CommandLine.Help.class, picocli.AutoComplete.class)) {
      try (InputStream in = c.getResourceAsStream("/" + c.getName().replace('.', '/') + ".class")) {
        assertTrue(in != null, c.getName());
        DataInputStream data = new DataInputStream(in);
        assertEquals(0xCAFEBABE, data.readInt(), c.getName());
        data.readUnsignedShort(); // minor version
        assertEquals(JAVA_21, data.readUnsignedShort(), c.getName() + ": class file major version");
      }
    }
  }

  @Test
  void onlyOnePicocliIsOnTheClassPath() throws IOException {
    List<URL> copies = new ArrayList<>(Collections.list(getClass().getClassLoader().getResources("picocli/CommandLine.class")));
    assertEquals(1, copies.size(), copies.toString());
  }

  @Test
  void itIsTheReleasedVersion() {
    // the version the root pom names (picocli.version): the sources are the published ones, unchanged
    assertEquals("4.7.7", CommandLine.VERSION);
  }
}
