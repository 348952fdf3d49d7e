package org.imrindex.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file scan that tells which letters hold a phrase as written and once the page furniture is gone. */
class PhraseScanTest {

  @TempDir
  Path dir;

  @Test
  void tellsAPhraseAcrossAPageBreakFromOneAsWritten() throws Exception {
    List<Path> files = List.of(
        write("a.txt", "no documentation of objective functional \n\nimprovement with the current regimen"),
        write("b.txt", "objective functional \n\nPage 1 of 2\n\f\nCM14-0000123\n\nimprovement is documented"),
        write("c.txt", "Functional, improvement."),
        write("d.txt", "improved function; dysfunctional improvements; functional restoration"));
    PhraseScan scan = PhraseScan.of(files, "functional", "improvement");
    assertEquals(Set.of(1, 3), scan.asWritten());
    assertEquals(Set.of(1, 2, 3), scan.withoutPageFurniture());
    assertEquals(Set.of(2), scan.acrossPageBreaksOnly());
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }
}
