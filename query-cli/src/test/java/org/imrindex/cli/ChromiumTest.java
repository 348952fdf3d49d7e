package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** How the browser check finds chromium, and what it does without: fail under CI, skip elsewhere, never pass silently. */
class ChromiumTest {

  @TempDir
  Path tmp;

  @Test
  void chromiumIsFoundAtImrChromiumElseOnThePath() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    assertNull(Chromium.find(null, empty.toString()));
    assertNull(Chromium.find("", ""));
    Path fake = Files.writeString(bin.resolve("chromium"), "#!/bin/sh\n");
    assertNull(Chromium.find(null, bin.toString()), "not executable: not chromium");
    assertTrue(fake.toFile().setExecutable(true));
    assertEquals(fake, Chromium.find(null, empty + java.io.File.pathSeparator + bin));
    Path other = Files.writeString(tmp.resolve("my-chromium"), "#!/bin/sh\n");
    assertTrue(other.toFile().setExecutable(true));
    assertEquals(other, Chromium.find(other.toString(), bin.toString()));
    assertEquals(fake, Chromium.find(tmp.resolve("none").toString(), bin.toString()), "a missing $IMR_CHROMIUM falls back to the PATH");
  }

  @Test
  void withoutChromiumTheCheckFailsUnderCiAndIsSkippedElsewhere() {
    AssertionFailedError underCi = assertThrows(AssertionFailedError.class, () -> Chromium.missing(true));
    assertTrue(underCi.getMessage().startsWith("chromium not found"), underCi.getMessage());
    TestAbortedException elsewhere = assertThrows(TestAbortedException.class, () -> Chromium.missing(false));
    assertTrue(elsewhere.getMessage().contains("apt-get install -y chromium"), elsewhere.getMessage());
  }
}
