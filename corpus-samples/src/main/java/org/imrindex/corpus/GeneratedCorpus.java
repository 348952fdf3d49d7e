package org.imrindex.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a generated corpus to a folder: letters in subfolders of 1,000 ({@code 0000/gen-000001.txt})
 * and the totals of what was generated in {@code .manifest.json} (hidden, so indexing the folder
 * skips it), for later checks of exact counts.
 */
public final class GeneratedCorpus {

  /** File name of the totals written beside the letters. */
  public static final String MANIFEST = ".manifest.json";

  /**
   * What was written.
   *
   * @param letters letters written
   * @param decisions disputed items in them
   * @param upheld items upheld
   * @param bytes bytes of letter text written
   * @param byLayout letters per layout
   */
  public record Manifest(long seed, int letters, int decisions, int upheld, long bytes, Map<String, Integer> byLayout) {

    public Manifest {
      byLayout = Map.copyOf(byLayout);
    }

    /** The manifest as a small JSON object (no JSON library needed for five numbers). */
    public String toJson() {
      StringBuilder layouts = new StringBuilder();
      new TreeMap<>(byLayout).forEach((k, v) -> layouts.append(layouts.isEmpty() ? "" : ", ")
          .append('"').append(k).append("\": ").append(v));
      return String.format(Locale.ROOT,
          "{\"seed\": %d, \"letters\": %d, \"decisions\": %d, \"upheld\": %d, \"overturned\": %d, \"bytes\": %d, \"byLayout\": {%s}}%n",
          seed, letters, decisions, upheld, decisions - upheld, bytes, layouts);
    }
  }

  private GeneratedCorpus() {}

  /** Generates {@code count} real-size letters from {@code seed} into {@code dir} (created if needed). */
  public static Manifest write(Path dir, int count, long seed) throws IOException {
    return write(dir, count, seed, LetterGenerator.Size.REAL);
  }

  /** Generates {@code count} letters of the given size from {@code seed} into {@code dir} (created if needed). */
  public static Manifest write(Path dir, int count, long seed, LetterGenerator.Size size) throws IOException {
    Files.createDirectories(dir);
    Manifest m = generate(count, seed, size, dir);
    Files.writeString(dir.resolve(MANIFEST), m.toJson(), StandardCharsets.UTF_8);
    return m;
  }

  /**
   * The manifest {@link #write} would write for this count and seed, computed without writing a
   * file: lets a cached corpus be checked against what the generator writes today.
   */
  public static Manifest totals(int count, long seed) {
    return totals(count, seed, LetterGenerator.Size.REAL);
  }

  /** The manifest {@link #write(Path, int, long, LetterGenerator.Size)} would write, computed without writing a file. */
  public static Manifest totals(int count, long seed, LetterGenerator.Size size) {
    try {
      return generate(count, seed, size, null);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // nothing is written, so nothing can fail
    }
  }

  private static Manifest generate(int count, long seed, LetterGenerator.Size size, Path dir) throws IOException {
    LetterGenerator generator = new LetterGenerator(seed, size);
    int decisions = 0;
    int upheld = 0;
    long bytes = 0;
    Map<String, Integer> byLayout = new TreeMap<>();
    Path folder = null;
    for (int i = 0; i < count; i++) {
      if (dir != null && i % 1000 == 0) {
        folder = Files.createDirectories(dir.resolve(String.format(Locale.ROOT, "%04d", i / 1000)));
      }
      GeneratedLetter letter = generator.next();
      byte[] text = letter.text().getBytes(StandardCharsets.UTF_8);
      if (dir != null) {
        Files.write(folder.resolve(letter.name()), text);
      }
      bytes += text.length;
      decisions += letter.items().size();
      upheld += (int) letter.items().stream().filter(GeneratedLetter.Item::upheld).count();
      byLayout.merge(letter.layout(), 1, Integer::sum);
    }
    return new Manifest(seed, count, decisions, upheld, bytes, byLayout);
  }
}
