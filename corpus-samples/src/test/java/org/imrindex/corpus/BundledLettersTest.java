package org.imrindex.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledLettersTest {

  @TempDir
  Path dir;

  @Test
  void copiesEveryLetterOfTheCheckoutWithItsRelativePath() throws IOException {
    Path checkout = Path.of("letters").toAbsolutePath();
    List<Path> expected = relativeFiles(checkout);
    assertEquals(20, expected.size());

    assertEquals(20, BundledLetters.copyTo(dir));

    assertEquals(expected, relativeFiles(dir));
    for (Path p : expected) {
      assertArrayEquals(Files.readAllBytes(checkout.resolve(p)), Files.readAllBytes(dir.resolve(p)), p.toString());
    }
  }

  private static List<Path> relativeFiles(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }
}
