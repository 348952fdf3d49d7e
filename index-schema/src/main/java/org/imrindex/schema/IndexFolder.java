package org.imrindex.schema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Whether imr may write an index into a folder: a missing or empty one, or one that holds an imr
 * index, recognised by what its last commit says (its user data), never by being a folder. Opening
 * an index writer deletes files whose names look like Lucene's ({@code _1.txt}, {@code _draft.txt}),
 * so a folder of anything else is refused before a writer is opened.
 */
public final class IndexFolder {

  /**
   * What an index writer leaves in a folder before its first commit: its lock, and a commit being
   * written. A run stopped there left nothing else (imr commits a new index before writing letters).
   */
  private static final Pattern UNCOMMITTED = Pattern.compile("write\\.lock|pending_segments_[0-9a-z]+");

  private IndexFolder() {}

  /** Returns quietly when imr may write an index at {@code index}; else says why not. Reads only. */
  public static void checkWritable(Path index) throws IOException {
    if (!Files.exists(index)) {
      return;
    }
    if (!Files.isDirectory(index)) {
      throw new ForeignFolderException("the index " + index + " is a file, not a folder; imr wrote nothing");
    }
    List<String> names;
    try (Stream<Path> files = Files.list(index)) {
      names = files.map(p -> p.getFileName().toString()).sorted().toList();
    }
    if (names.stream().allMatch(n -> UNCOMMITTED.matcher(n).matches())) {
      return;
    }
    String refusal = "; imr writes an index only into a new or empty folder or an imr index, and wrote nothing";
    Map<String, String> commit;
    try (Directory dir = FSDirectory.open(index)) {
      if (!DirectoryReader.indexExists(dir)) {
        int others = names.size() - 1;
        throw new ForeignFolderException("the folder " + index + " is not empty and is not an imr index (it holds " + names.get(0)
            + (others == 0 ? "" : String.format(Locale.ROOT, " and %d other file%s", others, others == 1 ? "" : "s")) + ")" + refusal);
      }
      try {
        commit = SegmentInfos.readLatestCommit(dir).getUserData();
      } catch (IOException e) {
        throw new ForeignFolderException("the folder " + index + " holds a Lucene commit that cannot be read ("
            + String.valueOf(e.getMessage()).replace('\n', ' ') + ")" + refusal);
      }
    }
    if (!IndexSchema.isImrCommit(commit)) {
      throw new ForeignFolderException("the folder " + index + " holds a Lucene index that imr did not write (its commit has no imr data)"
          + refusal);
    }
  }
}
