package org.imrindex.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.imrindex.parse.TextExtractor;

/**
 * Which letter files hold a two-word phrase, by a plain scan of their text: as the file is written
 * (the tokens SQLite FTS5 indexes), and with the page furniture taken out (footers "Page N of M",
 * form feeds, running case numbers: the text imr indexes). Letters are numbered from 1 in file
 * order, as SQLite's row ids. Meant for the generated letters, which write these words in one form.
 *
 * @param asWritten letters whose file has the two words with only spaces or punctuation between
 * @param withoutPageFurniture letters where they are adjacent once the page furniture is removed
 */
record PhraseScan(Set<Integer> asWritten, Set<Integer> withoutPageFurniture) {

  private static final Pattern FURNITURE = Pattern.compile("(?m)^(?:[ \t]*Page \\d+ of \\d+|\f|CM\\d{2}-\\d{7})[ \t]*$");

  PhraseScan {
    asWritten = Set.copyOf(asWritten);
    withoutPageFurniture = Set.copyOf(withoutPageFurniture);
  }

  static PhraseScan of(List<Path> files, String first, String second) throws IOException {
    Pattern phrase = Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])" + Pattern.quote(first) + "[^\\p{L}\\p{N}]+" + Pattern.quote(second)
        + "(?![\\p{L}\\p{N}])");
    Set<Integer> raw = new TreeSet<>();
    Set<Integer> clean = new TreeSet<>();
    for (int i = 0; i < files.size(); i++) {
      String text = TextExtractor.decode(Files.readAllBytes(files.get(i)));
      if (phrase.matcher(text).find()) {
        raw.add(i + 1);
      }
      if (phrase.matcher(FURNITURE.matcher(text).replaceAll("")).find()) {
        clean.add(i + 1);
      }
    }
    return new PhraseScan(raw, clean);
  }

  /** Letters where the phrase is found only across a page break. */
  Set<Integer> acrossPageBreaksOnly() {
    Set<Integer> out = new TreeSet<>(withoutPageFurniture);
    out.removeAll(asWritten);
    return out;
  }
}
