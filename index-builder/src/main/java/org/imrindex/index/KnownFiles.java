package org.imrindex.index;

import org.imrindex.schema.IndexField;
import org.imrindex.schema.LetterDocuments;
import org.imrindex.schema.FileState;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;

/** The files the index has read letters from, by path and by letter, loaded from the last commit. */
final class KnownFiles {

  final Map<String, FileState> byPath = new ConcurrentHashMap<>();
  final Map<String, Set<FileState>> byLetter = new ConcurrentHashMap<>();

  static KnownFiles load(Directory dir) throws IOException {
    KnownFiles known = new KnownFiles();
    if (!DirectoryReader.indexExists(dir)) {
      return known;
    }
    try (DirectoryReader reader = DirectoryReader.open(dir)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        BinaryDocValues files = leaf.reader().getBinaryDocValues(IndexField.FILES.fieldName());
        if (files == null) {
          continue;
        }
        Bits live = leaf.reader().getLiveDocs();
        for (int doc = files.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = files.nextDoc()) {
          if (live != null && !live.get(doc)) {
            continue;
          }
          for (FileState f : LetterDocuments.files(files.binaryValue())) {
            known.byPath.put(f.path(), f);
            known.byLetter.computeIfAbsent(f.letterId(), k -> ConcurrentHashMap.newKeySet()).add(f);
          }
        }
      }
    }
    // a path listed by two letters (its content changed between runs) belongs to the one it names
    for (Set<FileState> set : known.byLetter.values()) {
      set.removeIf(f -> !known.byPath.get(f.path()).letterId().equals(f.letterId()));
    }
    return known;
  }
}
