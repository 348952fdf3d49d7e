package org.imrindex.analysis;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.store.InputStreamDataInput;
import org.apache.lucene.store.OutputStreamDataOutput;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefHash;
import org.apache.lucene.util.fst.ByteSequenceOutputs;
import org.apache.lucene.util.fst.FST;

/**
 * The bundled vocabulary's query-side synonym map, built once by the build and stored beside the
 * classes: building it analyzes some 5,000 spellings, a third of a second of every cold
 * {@code imr search}. The file names the resources it was built from
 * ({@link MedicalVocabulary#fingerprint()}); a file for other resources is ignored and the map
 * built afresh. A vocabulary made from another lexicon ({@link MedicalVocabulary#of}) never uses it.
 */
public final class SynonymMapFile {

  /** The resource name, beside {@link MedicalVocabulary}. */
  static final String RESOURCE = "synonyms.bin";
  private static final int FORMAT = 1;

  private SynonymMapFile() {}

  /** Writes the map built from the bundled vocabulary to {@code dir/org/imrindex/analysis/synonyms.bin} (the build calls this). */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]).resolve("org/imrindex/analysis").resolve(RESOURCE);
    Files.createDirectories(out.getParent());
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out))) {
      write(MedicalVocabulary.standard().build(), MedicalVocabulary.fingerprint(), os);
    }
  }

  static void write(SynonymMap map, String fingerprint, OutputStream os) throws IOException {
    DataOutput out = new OutputStreamDataOutput(os);
    out.writeVInt(FORMAT);
    out.writeString(fingerprint);
    out.writeVInt(map.maxHorizontalContext);
    out.writeVInt(map.words.size());
    BytesRef scratch = new BytesRef();
    for (int i = 0; i < map.words.size(); i++) {
      map.words.get(i, scratch);
      out.writeVInt(scratch.length);
      out.writeBytes(scratch.bytes, scratch.offset, scratch.length);
    }
    map.fst.save(out, out);
  }

  /** The stored map, or null when there is none or it was built from another vocabulary. */
  static SynonymMap read(String fingerprint) throws IOException {
    try (InputStream is = MedicalVocabulary.class.getResourceAsStream(RESOURCE)) {
      if (is == null) {
        return null;
      }
      return read(new InputStreamDataInput(is), fingerprint);
    }
  }

  static SynonymMap read(DataInput in, String fingerprint) throws IOException {
    if (in.readVInt() != FORMAT || !in.readString().equals(fingerprint)) {
      return null;
    }
    int maxHorizontalContext = in.readVInt();
    int n = in.readVInt();
    BytesRefHash words = new BytesRefHash();
    for (int i = 0; i < n; i++) {
      byte[] b = new byte[in.readVInt()];
      in.readBytes(b, 0, b.length);
      words.add(new BytesRef(b));
    }
    FST<BytesRef> fst = new FST<>(FST.readMetadata(in, ByteSequenceOutputs.getSingleton()), in);
    return new SynonymMap(fst, words, maxHorizontalContext);
  }
}
