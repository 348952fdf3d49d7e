package org.imrindex.index;

import org.imrindex.schema.IndexField;
import org.imrindex.schema.IndexSchema;
import org.imrindex.schema.LetterDocuments;
import org.imrindex.schema.IncompatibleIndexException;
import org.imrindex.schema.FileState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.imrindex.analysis.AnalysisChain;
import org.imrindex.model.DeterminationLetter;
import org.imrindex.parse.IsolatedParser;
import org.imrindex.parse.LetterParser;
import org.imrindex.parse.LetterRejectedException;
import org.imrindex.parse.ParsedLetter;
import org.imrindex.parse.RejectReason;

/**
 * Reads folders of letters into the index: in parallel, idempotently (a letter replaces its earlier
 * copy, whatever file or format it came from), skipping unchanged files, committing regularly so a
 * crash loses at most the work since the last commit, and reporting every rejected file.
 */
public final class Ingester {

  private final IngestRequest request;
  private final IngestListener listener;
  private final LetterDocuments documents = new LetterDocuments();

  private IndexWriter writer;
  private KnownFiles known;
  private final Map<String, Integer> written = new ConcurrentHashMap<>();
  /** The letters written whose record has warnings (as last written: a cleaner copy of the letter takes it out). */
  private final Set<String> warned = ConcurrentHashMap.newKeySet();
  private final List<Rejection> rejected = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger indexed = new AtomicInteger();
  private final AtomicInteger duplicates = new AtomicInteger();
  private final AtomicInteger unchanged = new AtomicInteger();
  private final AtomicInteger sinceCommit = new AtomicInteger();
  private volatile long lastCommitNanos;

  public Ingester(IngestRequest request, IngestListener listener) {
    this.request = request;
    this.listener = listener;
  }

  /** Runs the ingest. Throws only for fatal problems (index locked, disk full); the index then stays at its last commit. */
  public IngestSummary run() throws IOException {
    long start = System.nanoTime();
    Files.createDirectories(request.index());
    // the index folder may be inside an input folder: its files are not letters
    InputFiles inputs = InputFiles.expand(request.inputs(), List.of(request.index()));
    try (Directory dir = FSDirectory.open(request.index())) {
      checkAnalysis(dir);
    }
    try (Directory dir = FSDirectory.open(request.index());
        IndexWriter w = new IndexWriter(dir, IndexSchema.writerConfig(request.analysis()))) {
      writer = w;
      known = KnownFiles.load(dir);
      // every path counts, those that are not files too, and the total is known before any is reported
      listener.started(inputs.files().size() + inputs.problems().size());
      for (InputFiles.Problem p : inputs.problems()) {
        reject(p.path(), p.reason(), p.message());
      }
      lastCommitNanos = System.nanoTime();
      ingestAll(inputs.files());
      commit();
    }
    int decisions = written.values().stream().mapToInt(Integer::intValue).sum();
    return new IngestSummary(inputs.files().size() + inputs.problems().size(), indexed.get(), written.size(), decisions,
        warned.size(), duplicates.get(), unchanged.get(), sorted(rejected), (System.nanoTime() - start) / 1e9);
  }

  /** An existing index must have been analyzed as this run analyzes, or its terms would not match the new ones. */
  private void checkAnalysis(Directory dir) throws IOException {
    if (!DirectoryReader.indexExists(dir)) {
      return;
    }
    Map<String, String> commit = SegmentInfos.readLatestCommit(dir).getUserData();
    IndexSchema.checkFormat(request.index(), commit);
    AnalysisChain built = IndexSchema.analysisOf(commit);
    if (built != request.analysis()) {
      throw new IncompatibleIndexException("the index " + request.index() + " was built with analysis '" + built.id()
          + "', and this run analyzes text with '" + request.analysis().id() + "'; index into a new folder"
          + " (or delete this one) to rebuild it");
    }
  }

  private void ingestAll(List<Path> files) throws IOException {
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> fatal = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < Math.max(1, request.threads()); t++) {
      Thread thread = new Thread(() -> {
        try (IsolatedParser parser = new IsolatedParser(new LetterParser(), request.parser())) {
          int i;
          while (fatal.get() == null && (i = next.getAndIncrement()) < files.size()) {
            ingest(files.get(i), parser);
          }
        } catch (IOException | RuntimeException | Error e) {
          fatal.compareAndSet(null, e);
        }
      }, "imr-ingest-" + t);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
    Throwable f = fatal.get();
    if (f instanceof IOException io) {
      throw io;
    }
    if (f instanceof UncheckedIOException u) {
      throw u.getCause();
    }
    if (f instanceof RuntimeException r) {
      throw r;
    }
    if (f instanceof Error e) {
      throw e;
    }
  }

  private void ingest(Path file, IsolatedParser parser) throws IOException {
    Path abs = file.toAbsolutePath().normalize();
    String key = abs.toString();
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(abs, BasicFileAttributes.class);
    } catch (IOException e) {
      reject(file, RejectReason.UNREADABLE, "cannot read: " + e.getMessage());
      return;
    }
    long size = attrs.size();
    long modified = attrs.lastModifiedTime().toMillis();
    FileState before = known.byPath.get(key);
    if (before != null && before.size() == size && before.modified() == modified) {
      unchanged.incrementAndGet();
      listener.fileDone(file, IngestListener.FileOutcome.UNCHANGED, null);
      return;
    }
    ParsedLetter parsed;
    try {
      parsed = parser.read(file);
    } catch (LetterRejectedException e) {
      reject(file, e.reason(), e.getMessage());
      return;
    }
    DeterminationLetter letter = parsed.letter();
    String sha = letter.source().sha256();
    String id = LetterDocuments.letterId(letter);
    if (before != null && before.sha256().equals(sha) && before.letterId().equals(id)) {
      unchanged.incrementAndGet(); // touched, not changed
      listener.fileDone(file, IngestListener.FileOutcome.UNCHANGED, null);
      return;
    }
    FileState now = new FileState(key, size, modified, sha, id);
    boolean[] duplicate = new boolean[1];
    try {
      known.byLetter.compute(id, (letterId, files) -> {
        Set<FileState> set = files == null ? ConcurrentHashMap.newKeySet() : files;
        set.removeIf(f -> f.path().equals(key));
        duplicate[0] = !set.isEmpty();
        set.add(now);
        try {
          writer.updateDocuments(new Term(IndexField.LETTER_ID.fieldName(), letterId),
              documents.block(letter, parsed.text(), letterId, set));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return set;
      });
      if (before != null && !before.letterId().equals(id)) {
        moveAway(before);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    known.byPath.put(key, now);
    written.put(id, letter.decisions().size());
    if (letter.warnings().isEmpty()) {
      warned.remove(id);
    } else {
      warned.add(id);
    }
    indexed.incrementAndGet();
    if (duplicate[0]) {
      duplicates.incrementAndGet();
    }
    listener.fileDone(file, duplicate[0] ? IngestListener.FileOutcome.DUPLICATE : IngestListener.FileOutcome.INDEXED, null);
    if (sinceCommit.incrementAndGet() >= request.commitEvery()
        || System.nanoTime() - lastCommitNanos >= request.commitInterval().toNanos()) {
      commit();
    }
  }

  /** A file now holds another letter: its old letter loses it, and goes if no file holds it any more. */
  private void moveAway(FileState old) {
    known.byLetter.computeIfPresent(old.letterId(), (letterId, files) -> {
      files.removeIf(f -> f.path().equals(old.path()));
      try {
        if (files.isEmpty()) {
          writer.deleteDocuments(new Term(IndexField.LETTER_ID.fieldName(), letterId));
          return null;
        }
        writer.updateBinaryDocValue(new Term(IndexField.LETTER_DOC.fieldName(), letterId),
            IndexField.FILES.fieldName(), LetterDocuments.filesValue(files));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return files;
    });
  }

  private synchronized void commit() throws IOException {
    writer.setLiveCommitData(Map.of(IndexSchema.COMMITTED_AT, Instant.now().toString(), IndexSchema.TOOL_VERSION, IndexSchema.toolVersion(),
        IndexSchema.ANALYSIS, request.analysis().id(), IndexSchema.FORMAT, IndexSchema.FORMAT_VERSION).entrySet());
    writer.commit();
    sinceCommit.set(0);
    lastCommitNanos = System.nanoTime();
    listener.committed(written.size());
  }

  private void reject(Path file, RejectReason reason, String detail) {
    Rejection r = new Rejection(file.toString(), reason, detail);
    rejected.add(r);
    listener.fileDone(file, IngestListener.FileOutcome.REJECTED, r);
  }

  private static List<Rejection> sorted(List<Rejection> rejections) {
    List<Rejection> out = new ArrayList<>(rejections);
    out.sort((a, b) -> a.path().compareTo(b.path()));
    Set<String> seen = new HashSet<>();
    out.removeIf(r -> !seen.add(r.path()));
    return out;
  }
}
