package org.imrindex.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imrindex.model.Reviewer;
import org.junit.jupiter.api.Test;

/**
 * The reviewer's boards of each of the 152 real letters, read from its credential line as the letter
 * writes it, against the names a coder wrote by hand (hand-labels/specialties.tsv).
 */
class ReviewerParserRealLettersTest {

  private static final Path LABELS = BundledLetters.corpus().resolve("real-letters/hand-labels");

  private static List<String> names(String field) {
    return field.isBlank() ? List.of() : Arrays.stream(field.split(";")).map(String::strip).toList();
  }

  @Test
  void everyRealLettersBoardsAreReadAsACoderWritesThem() throws IOException {
    Map<String, List<List<String>>> expected = new HashMap<>();
    for (String line : Files.readAllLines(LABELS.resolve("specialties.tsv"), StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\\|", -1);
      expected.put(f[0].strip(), List.of(names(f[1]), names(f[2])));
    }
    List<String> lines = Files.readAllLines(LABELS.resolve("real-letters.tsv"), StandardCharsets.UTF_8);
    List<String> wrong = new ArrayList<>();
    int letters = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", -1);
      String written = f[3];
      Reviewer r = ReviewerParser.read(List.of("State(s) of Licensure: California", "Certification(s)/Specialty: " + written));
      List<List<String>> want = expected.get(written);
      if (want == null || !want.equals(List.of(r.specialties(), r.subspecialties()))) {
        wrong.add(f[0] + " '" + written + "': " + r.specialties() + " " + r.subspecialties() + ", hand label " + want);
      }
      letters++;
    }
    assertEquals(152, letters);
    assertEquals(List.of(), wrong);
  }
}
