package org.imrindex.index;

import org.imrindex.schema.IndexField;
import org.imrindex.schema.IndexFolder;
import org.imrindex.schema.IndexSchema;
import org.imrindex.schema.LetterDocuments;
import org.imrindex.schema.IncompatibleIndexException;
import org.imrindex.schema.FileState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.AlreadyClosedException;
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
 *
 * <p>Each file's changes (its letter, and the letter it held before) are written under a shared
 * lock and every commit takes it exclusively, so a commit never holds half of them. A run writes
 * only into a new or empty folder or an imr index ({@link IndexFolder}), and a new index is
 * committed before any letter is written, so the folder is recognisable from its first moment.
 */
public final class Ingester {

  /** Opens the index folder as a Lucene directory; tests wrap it (a disk that fills up). */
  @FunctionalInterface
  public interface DirectoryOpener {
    /** The directory of the index at {@code index}. */
    Directory open(Path index) throws IOException;
  }

  private final IngestRequest request;
  private final IngestListener listener;
  private final DirectoryOpener opener;
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

  /** Shared while a file's changes are written; exclusive to commit, and to stop writing. */
  private final ReentrantReadWriteLock writing = new ReentrantReadWriteLock();
  /** Set under the exclusive lock: nothing more is written. */
  private volatile boolean stopping;
  private volatile boolean cancelled;
  private final AtomicReference<Throwable> fatal = new AtomicReference<>();
  /** Guards {@link #running}, the ingest threads not yet ended; notified when one ends or a stop is asked. */
  private final Object progress = new Object();
  private int running;

  public Ingester(IngestRequest request, IngestListener listener) {
    this(request, listener, FSDirectory::open);
  }

  /** An ingester that opens the index folder with {@code opener}. */
  public Ingester(IngestRequest request, IngestListener listener, DirectoryOpener opener) {
    this.request = request;
    this.listener = listener;
    this.opener = opener;
  }

  /**
   * Asks the run to stop (Ctrl-C, SIGTERM); returns at once and may be called from any thread.
   * No new file is started, the letters already written are committed, files still being parsed
   * are dropped (a rerun reads them), and {@link #run()} throws an {@link IngestStoppedException}
   * that says how many letters the index holds.
   */
  public void cancel() {
    cancelled = true;
    synchronized (progress) {
      progress.notifyAll();
    }
  }

  /**
   * Runs the ingest. Throws {@link org.imrindex.schema.ForeignFolderException} for a folder that is
   * not an imr index (nothing written), {@link IngestStoppedException} when the run was cancelled
   * or a write failed (the index is at its last commit), and other exceptions only for problems
   * found before writing (index locked, built with another analysis).
   */
  public IngestSummary run() throws IOException {
    long start = System.nanoTime();
    IndexFolder.checkWritable(request.index());
    Files.createDirectories(request.index());
    // the index folder may be inside an input folder: its files are not letters
    InputFiles inputs = InputFiles.expand(request.inputs(), List.of(request.index()));
    try (Directory dir = opener.open(request.index())) {
      checkAnalysis(dir);
      boolean fresh = !DirectoryReader.indexExists(dir);
      IndexWriter w = new IndexWriter(dir, IndexSchema.writerConfig(request.analysis()));
      Throwable failure = null;
      try {
        writer = w;
        if (fresh) {
          // an empty commit first: from now on the folder says it is an imr index, whenever the run ends
          writer.setLiveCommitData(commitData().entrySet());
          writer.commit();
        }
        known = KnownFiles.load(dir);
        // every path counts, those that are not files too, and the total is known before any is reported
        listener.started(inputs.files().size() + inputs.problems().size());
        for (InputFiles.Problem p : inputs.problems()) {
          reject(p.path(), p.reason(), p.message());
        }
        lastCommitNanos = System.nanoTime();
        ingestAll(inputs.files());
        if (!stopAsked()) {
          forgetDeleted(inputs.files());
        }
        finish();
      } catch (IOException | RuntimeException e) {
        failure = e;
      } finally {
        try {
          w.close();
        } catch (IOException | RuntimeException e) {
          if (failure == null) {
            failure = e;
          } else {
            failure.addSuppressed(e);
          }
        }
      }
      if (failure != null) {
        throw stopped(failure, w.getTragicException(), dir);
      }
      if (cancelled) {
        throw new IngestStoppedException("indexing stopped as asked: the index " + request.index() + " is at its last commit" + letters(dir)
            + "; rerun to complete it", sorted(rejected), true, null);
      }
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

  private void ingestAll(List<Path> files) {
    AtomicInteger next = new AtomicInteger();
    int threads = Math.max(1, request.threads());
    synchronized (progress) {
      running = threads;
    }
    for (int t = 0; t < threads; t++) {
      Thread thread = new Thread(() -> {
        try (IsolatedParser parser = new IsolatedParser(new LetterParser(), request.parser())) {
          int i;
          while (!stopAsked() && (i = next.getAndIncrement()) < files.size()) {
            ingest(files.get(i), parser);
          }
        } catch (org.imrindex.parse.ParserShutDownException e) {
          // this JVM is shutting down (SIGTERM, Ctrl-C) and its parser children were stopped: a stop
          // as asked, even if the parser's hook ran before ours; the file is not to blame
          cancel();
        } catch (IOException | RuntimeException | Error e) {
          fatal.compareAndSet(null, e);
        } finally {
          synchronized (progress) {
            running--;
            progress.notifyAll();
          }
        }
      }, "imr-ingest-" + t);
      // a stopped run does not wait for a file being parsed (up to the parse timeout): it ends without it
      thread.setDaemon(true);
      thread.start();
    }
    synchronized (progress) {
      while (running > 0 && !stopAsked()) {
        try {
          progress.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          cancel();
        }
      }
    }
  }

  private boolean stopAsked() {
    return cancelled || fatal.get() != null;
  }

  /** Stops every write (waiting for the files being written), commits unless a write failed, and rethrows that failure. */
  private void finish() throws IOException {
    writing.writeLock().lock();
    try {
      stopping = true;
      if (fatal.get() == null) {
        commit();
      }
    } finally {
      writing.writeLock().unlock();
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
      done(file, IngestListener.FileOutcome.UNCHANGED, null);
      return;
    }
    ParsedLetter parsed;
    try {
      parsed = parser.read(file);
    } catch (LetterRejectedException e) {
      if (!cancelled) { // a parser stopped by the same Ctrl-C is not the file's fault; a rerun reads it
        if (before != null) {
          forget(before, parser); // it no longer holds the letter it held
        }
        reject(file, e.reason(), e.getMessage());
      }
      return;
    }
    DeterminationLetter letter = parsed.letter();
    String sha = letter.source().sha256();
    String id = LetterDocuments.letterId(letter);
    if (before != null && before.sha256().equals(sha) && before.letterId().equals(id)) {
      unchanged.incrementAndGet(); // touched, not changed
      done(file, IngestListener.FileOutcome.UNCHANGED, null);
      return;
    }
    FileState now = new FileState(key, size, modified, sha, id);
    // the letter this file held before may have its record from this file: read it again from a file that holds it now
    Replacement replacement = before != null && !before.letterId().equals(id) ? replacementFor(before, parser) : null;
    boolean duplicate;
    writing.readLock().lock();
    try {
      if (stopping) {
        return;
      }
      duplicate = write(letter, parsed.text(), id, now);
      if (replacement != null) {
        replace(before, replacement);
      }
      known.byPath.put(key, now);
      written.put(id, letter.decisions().size());
      if (letter.warnings().isEmpty()) {
        warned.remove(id);
      } else {
        warned.add(id);
      }
      indexed.incrementAndGet();
      if (duplicate) {
        duplicates.incrementAndGet();
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } finally {
      writing.readLock().unlock();
    }
    done(file, duplicate ? IngestListener.FileOutcome.DUPLICATE : IngestListener.FileOutcome.INDEXED, null);
    sinceCommit.incrementAndGet();
    if (commitDue()) {
      writing.writeLock().lock();
      try {
        if (!stopping && commitDue()) {
          commit();
        }
      } finally {
        writing.writeLock().unlock();
      }
    }
  }

  /**
   * Files the index lists under a folder this run read that are gone from the disk hold no letter
   * now: their letters lose them ({@link #forget}). A folder that is missing is not looked into
   * (an unmounted disk is not a deletion), nor is anything outside the folders read.
   */
  private void forgetDeleted(List<Path> read) throws IOException {
    Set<String> seen = new HashSet<>();
    for (Path p : read) {
      seen.add(p.toAbsolutePath().normalize().toString());
    }
    List<Path> folders = request.inputs().stream().map(p -> p.toAbsolutePath().normalize()).filter(Files::isDirectory).toList();
    List<FileState> gone = known.byPath.values().stream()
        .filter(f -> !seen.contains(f.path()))
        .filter(f -> folders.stream().anyMatch(Path.of(f.path())::startsWith) && Files.notExists(Path.of(f.path())))
        .sorted(Comparator.comparing(FileState::path)).toList();
    if (gone.isEmpty()) {
      return;
    }
    try (IsolatedParser parser = new IsolatedParser(new LetterParser(), request.parser())) {
      for (FileState f : gone) {
        if (cancelled) {
          return;
        }
        forget(f, parser);
      }
    }
  }

  /**
   * A known file that no longer holds a letter (it is rejected now, or deleted): its letter loses it, and takes
   * its record from another file that still holds it, or goes if none does.
   */
  private void forget(FileState before, IsolatedParser parser) throws IOException {
    Replacement replacement = replacementFor(before, parser);
    writing.readLock().lock();
    try {
      if (stopping) {
        return;
      }
      replace(before, replacement);
      known.byPath.remove(before.path());
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } finally {
      writing.readLock().unlock();
    }
  }

  /** Writes a letter read from a file (replacing the letter's earlier copy); true if another file already held it. */
  private boolean write(DeterminationLetter letter, String text, String id, FileState now) {
    boolean[] duplicate = new boolean[1];
    known.byLetter.compute(id, (letterId, files) -> {
      Set<FileState> set = files == null ? ConcurrentHashMap.newKeySet() : files;
      set.removeIf(f -> f.path().equals(now.path()));
      duplicate[0] = !set.isEmpty();
      set.add(now);
      try {
        writer.updateDocuments(term(letterId), documents.block(letter, text, letterId, set));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return set;
    });
    return duplicate[0];
  }

  /**
   * The letter a file no longer holds, read again from the first other file listed for it that
   * still holds it (null if none does), and the listed files that no longer hold it.
   */
  private record Replacement(ParsedLetter parsed, FileState state, Set<String> gone) {}

  /** Reads the other files listed for {@code old}'s letter until one still holds it; no lock is held (parsing can be slow). */
  private Replacement replacementFor(FileState old, IsolatedParser parser) {
    Set<FileState> listed = known.byLetter.get(old.letterId());
    List<FileState> others = listed == null ? List.of()
        : listed.stream().filter(f -> !f.path().equals(old.path())).sorted(Comparator.comparing(FileState::path)).toList();
    Set<String> gone = new HashSet<>();
    for (FileState f : others) {
      Path path = Path.of(f.path());
      try {
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
        ParsedLetter again = parser.read(path);
        if (LetterDocuments.letterId(again.letter()).equals(old.letterId())) {
          return new Replacement(again, new FileState(f.path(), a.size(), a.lastModifiedTime().toMillis(),
              again.letter().source().sha256(), old.letterId()), gone);
        }
      } catch (IOException | LetterRejectedException e) {
        // deleted, unreadable or no longer a letter: it does not hold this one
      }
      gone.add(f.path());
    }
    return new Replacement(null, null, gone);
  }

  /**
   * A file now holds another letter: its old letter loses it and the files that no longer hold it,
   * takes its record from the file that still does, and goes if no file holds it any more.
   */
  private void replace(FileState old, Replacement r) {
    known.byLetter.computeIfPresent(old.letterId(), (letterId, files) -> {
      files.removeIf(f -> f.path().equals(old.path()) || r.gone().contains(f.path()));
      try {
        if (files.isEmpty()) {
          writer.deleteDocuments(term(letterId));
          written.remove(letterId);
          warned.remove(letterId);
          return null;
        }
        if (r.parsed() != null) {
          files.removeIf(f -> f.path().equals(r.state().path()));
          files.add(r.state());
          DeterminationLetter letter = r.parsed().letter();
          writer.updateDocuments(term(letterId), documents.block(letter, r.parsed().text(), letterId, files));
          known.byPath.put(r.state().path(), r.state());
          if (written.containsKey(letterId)) {
            written.put(letterId, letter.decisions().size());
            if (letter.warnings().isEmpty()) {
              warned.remove(letterId);
            } else {
              warned.add(letterId);
            }
          }
        } else {
          // another thread wrote the letter from a file it read meanwhile: only the list of files changes
          writer.updateBinaryDocValue(new Term(IndexField.LETTER_DOC.fieldName(), letterId),
              IndexField.FILES.fieldName(), LetterDocuments.filesValue(files));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return files;
    });
  }

  private static Term term(String letterId) {
    return new Term(IndexField.LETTER_ID.fieldName(), letterId);
  }

  private boolean commitDue() {
    return sinceCommit.get() >= request.commitEvery() || System.nanoTime() - lastCommitNanos >= request.commitInterval().toNanos();
  }

  /** Commits; the caller holds the exclusive lock, so no file's changes are half written. */
  private void commit() throws IOException {
    writer.setLiveCommitData(commitData().entrySet());
    writer.commit();
    sinceCommit.set(0);
    lastCommitNanos = System.nanoTime();
    listener.committed(written.size());
  }

  private Map<String, String> commitData() {
    return Map.of(IndexSchema.COMMITTED_AT, Instant.now().toString(), IndexSchema.TOOL_VERSION, IndexSchema.toolVersion(),
        IndexSchema.ANALYSIS, request.analysis().id(), IndexSchema.FORMAT, IndexSchema.FORMAT_VERSION);
  }

  /**
   * The one-line account of a failed write: a full disk, else the I/O error, where, and what the
   * last commit holds. A failure that is not about writing (a bug) is rethrown as it is.
   */
  private IOException stopped(Throwable failure, Throwable tragic, Directory dir) throws IOException {
    IOException io = firstIOException(tragic);
    if (io == null) {
      io = firstIOException(failure);
    }
    boolean writeFailed = io != null || tragic != null || failure instanceof AlreadyClosedException;
    if (!writeFailed) {
      if (failure instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(failure);
    }
    String where = request.index().toString();
    String message;
    if (diskFull(failure) || diskFull(tragic)) {
      message = "indexing stopped: the disk is full (writing the index " + where + "); the index is at its last commit" + letters(dir)
          + "; free some space and rerun to complete it";
    } else {
      message = "indexing stopped: I/O error writing the index " + where + ": " + describe(io != null ? io : tragic != null ? tragic : failure)
          + "; the index is at its last commit" + letters(dir) + "; rerun to complete it";
    }
    return new IngestStoppedException(message, sorted(rejected), false, tragic != null ? tragic : failure);
  }

  private static IOException firstIOException(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof UncheckedIOException u) {
        return u.getCause();
      }
      if (c instanceof IOException io && !(c instanceof IngestStoppedException)) {
        return io;
      }
    }
    return null;
  }

  /** True when the exception, its causes or suppressed ones say the device has no space left (ENOSPC, or Windows' wording). */
  private static boolean diskFull(Throwable t) {
    if (t == null) {
      return false;
    }
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      String m = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
      if (m.contains("no space left on device") || m.contains("not enough space on the disk") || m.contains("disk quota exceeded")) {
        return true;
      }
      for (Throwable s : c.getSuppressed()) {
        if (diskFull(s)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String describe(Throwable t) {
    String m = String.valueOf(t.getMessage()).replaceAll("\\s+", " ").trim();
    if (t instanceof AccessDeniedException) {
      return "permission denied: " + m;
    }
    return t.getClass() == IOException.class ? m : t.getClass().getSimpleName() + ": " + m;
  }

  /** " (N letters)": what the index's last commit holds, read back; empty if it cannot be read. */
  private static String letters(Directory dir) {
    try (DirectoryReader reader = DirectoryReader.open(dir)) {
      int n = new IndexSearcher(reader).count(new TermQuery(new Term(IndexField.TYPE.fieldName(), IndexField.LETTER)));
      return String.format(Locale.ROOT, " (%,d letter%s)", n, n == 1 ? "" : "s");
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private void reject(Path file, RejectReason reason, String detail) {
    Rejection r = new Rejection(file.toString(), reason, detail);
    rejected.add(r);
    done(file, IngestListener.FileOutcome.REJECTED, r);
  }

  /** Tells the listener, unless the run has stopped (a file parsed meanwhile is not reported to a finished run). */
  private void done(Path file, IngestListener.FileOutcome outcome, Rejection r) {
    if (!stopping) {
      listener.fileDone(file, outcome, r);
    }
  }

  private static List<Rejection> sorted(List<Rejection> rejections) {
    List<Rejection> out = new ArrayList<>(rejections);
    out.sort((a, b) -> a.path().compareTo(b.path()));
    Set<String> seen = new HashSet<>();
    out.removeIf(r -> !seen.add(r.path()));
    return out;
  }
}
