package org.imrindex.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.tika.io.TikaInputStream;
import org.imrindex.model.LetterJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a parser child leaves behind and how it ends: it works in a private temp folder (0700) that is
 * gone whatever happens to the child, and it ends when its parent ends (stdin closed, kill -9, SIGTERM).
 * No test here waits for a duration: each waits for an event (a file, an exit) with a generous bound
 * that only stops a test that would otherwise never end.
 */
class ParserChildLifecycleTest {

  /** Longest wait for an event that must happen; reached only when the behaviour is broken. */
  private static final Duration BOUND = Duration.ofSeconds(60);

  /**
   * A worker that reports its temp folder, that folder's permissions, its pid, its working folder and
   * whether it found the file, as the rejection detail of report*; on spool-die* spools the file into its temp folder as Tika does for a DOCX
   * (apache-tika-*.tmp) and halts (exit 5 when the copy was there, 6 if not); on spool-hang* spools
   * it, writes FILE.busy beside the file and hangs.
   */
  public static final class TempWorker {
    public static void main(String[] args) throws IOException {
      try (TikaInputStream warm = TikaInputStream.get(new byte[] {1})) {
        warm.getPath(); // Tika's classes loaded before the worker is ready, not within a file's time limit
      }
      ParserWorker.serve(path -> {
        String name = path.getFileName().toString();
        if (name.startsWith("report")) {
          throw new LetterRejectedException(RejectReason.CORRUPT, reportOf(path));
        }
        Path copy = spool(path);
        if (name.startsWith("spool-die")) {
          Runtime.getRuntime().halt(copy != null && Files.exists(copy) ? 5 : 6);
        }
        if (name.startsWith("spool-hang")) {
          try {
            Files.writeString(Path.of(path + ".busy"), "busy");
          } catch (IOException e) {
            Runtime.getRuntime().halt(6);
          }
          while (true) {
            try {
              Thread.sleep(60_000);
            } catch (InterruptedException e) {
              // keep hanging
            }
          }
        }
        throw new LetterRejectedException(RejectReason.CORRUPT, "not a test file");
      });
    }

    /** What Tika's DOCX path does: the file's bytes copied to apache-tika-*.tmp in java.io.tmpdir. */
    private static Path spool(Path file) {
      try {
        TikaInputStream in = TikaInputStream.get(Files.readAllBytes(file));
        return in.getPath(); // not closed: a crashing parser never closes it
      } catch (IOException e) {
        return null;
      }
    }
  }

  /**
   * A worker whose real extractor (Tika) parses a DOCX in a thread while the worker watches its temp
   * folder: it halts (a crash) as soon as Tika creates its copy of the file there (exit 5), or exits 6
   * when the extraction ended without one. report* files are answered as {@link TempWorker} does.
   */
  public static final class DocxCrashWorker {
    public static void main(String[] args) throws IOException {
      TextExtractor real = IsolatedParserTest.warmExtractor();
      ParserWorker.serve(path -> {
        if (path.getFileName().toString().startsWith("report")) {
          throw new LetterRejectedException(RejectReason.CORRUPT, reportOf(path));
        }
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (WatchService watch = tmp.getFileSystem().newWatchService()) {
          tmp.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
          Thread extraction = new Thread(() -> {
            try {
              real.extract(path);
            } catch (LetterRejectedException | RuntimeException e) {
              // the outcome does not matter: the copy does
            }
          });
          extraction.setDaemon(true);
          extraction.start();
          boolean ended = false;
          while (true) {
            // an event arrives at the latest just after the extraction ended; the bound only ends a broken test
            var key = watch.poll(ended ? 60 : 1, TimeUnit.SECONDS);
            if (key != null) {
              for (var event : key.pollEvents()) {
                if (event.context() instanceof Path created && created.getFileName().toString().startsWith("apache-tika-")) {
                  Runtime.getRuntime().halt(5);
                }
              }
              key.reset();
            } else if (ended) {
              Runtime.getRuntime().halt(6);
            }
            ended = ended || !extraction.isAlive();
          }
        } catch (IOException | InterruptedException e) {
          Runtime.getRuntime().halt(7);
          return null;
        }
      });
    }
  }

  /** What {@link TempWorker} reports for report*. */
  static String reportOf(Path path) {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    String mode;
    try {
      mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp));
    } catch (IOException e) {
      mode = "unknown";
    }
    return tmp + "|" + mode + "|" + ProcessHandle.current().pid() + "|" + Path.of("").toAbsolutePath() + "|" + Files.isRegularFile(path);
  }

  /**
   * A fake parent: starts a {@link TempWorker} (args: its private temp folder) whose stdin is this
   * process's own stdin, which can stay open when this process dies; prints the worker's pid once the
   * worker is ready, then waits.
   */
  public static final class FakeParent {
    public static void main(String[] args) throws Exception {
      Process worker = new ProcessBuilder(javaCommand(List.of("-Djava.io.tmpdir=" + args[0], "-D" + WorkerMessages.PRIVATE_TMP + "=" + args[0]),
          TempWorker.class.getName())).redirectInput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      BufferedReader out = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8));
      if (WorkerMessages.READY.equals(out.readLine())) {
        System.out.println(worker.pid());
        System.out.flush();
      }
      worker.waitFor();
    }
  }

  /**
   * A parent: args are the temp base, the worker's class, and files to parse one after the other;
   * prints each rejection's detail. Its last file is one on which the worker hangs: it then waits until
   * it is killed.
   */
  public static final class ParentMain {
    public static void main(String[] args) throws Exception {
      IsolatedParser.Options options = new IsolatedParser.Options(Duration.ofHours(1), "256m", Class.forName(args[1]))
          .withTempBase(Path.of(args[0]));
      try (IsolatedParser p = new IsolatedParser(new LetterParser(), options)) {
        for (int i = 2; i < args.length; i++) {
          try {
            p.read(Path.of(args[i]));
          } catch (LetterRejectedException e) {
            System.out.println(e.getMessage());
            System.out.flush();
          }
        }
      }
    }
  }

  /** The environment variable naming the file in which {@link DeafWorker} writes its pid. */
  static final String PID_FILE = "IMR_TEST_DEAF_WORKER_PID_FILE";

  /**
   * A worker that watches nothing: it leaves a copy in its temp folder, writes its pid to the file
   * named by {@link #PID_FILE}, says it is ready and then sleeps, never reading its stdin. Only its
   * parent can end it.
   */
  public static final class DeafWorker {
    public static void main(String[] args) throws Exception {
      Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "apache-tika-copy.tmp"), "Dear patient");
      Path pidFile = Path.of(System.getenv(PID_FILE));
      Path partial = Files.writeString(pidFile.resolveSibling(pidFile.getFileName() + ".partial"), Long.toString(ProcessHandle.current().pid()));
      Files.move(partial, pidFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      System.out.println(WorkerMessages.READY);
      System.out.flush();
      while (true) {
        Thread.sleep(60_000);
      }
    }
  }

  @TempDir
  Path base;

  @TempDir
  Path inputs;

  private Path input(String name) throws IOException {
    // an HTML head, so that the parent sends the file to the child
    return Files.writeString(inputs.resolve(name), "<html><body><p>Dear patient</p></body></html>", StandardCharsets.UTF_8);
  }

  private IsolatedParser parser(Duration timeout) {
    return new IsolatedParser(new LetterParser(),
        new IsolatedParser.Options(timeout, "256m", TempWorker.class).withTempBase(base));
  }

  /** The child's temp folder, its permissions, pid and working folder, and whether it found the file, as {@link TempWorker} reports them. */
  private record Report(Path tmp, String mode, long pid, Path workingFolder, boolean foundTheFile) {
    static Report of(String line) {
      String[] parts = line.split("\\|");
      return new Report(Path.of(parts[0]), parts[1], Long.parseLong(parts[2].trim()), Path.of(parts[3]), Boolean.parseBoolean(parts[4]));
    }
  }

  private Report report(IsolatedParser p) throws IOException {
    LetterRejectedException e = assertThrows(LetterRejectedException.class, () -> p.read(input("report.html")));
    return Report.of(e.getMessage());
  }

  private List<Path> leftIn(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.toList();
    }
  }

  @Test
  void theChildWorksInAPrivateFolderUnderTheBaseGoneWhenTheParserCloses() throws Exception {
    Report r;
    try (IsolatedParser p = parser(BOUND)) {
      r = report(p);
      assertEquals(base, r.tmp().getParent(), "the child's temp folder is under the given base");
      assertTrue(Files.isDirectory(r.tmp()), "the folder exists while the child runs");
      assertEquals("rwx------", r.mode());
      assertEquals(r.tmp(), r.workingFolder(), "the child runs in its private folder: a crash report written there goes with it");
      assertTrue(r.foundTheFile());
    }
    assertFalse(Files.exists(r.tmp()), "the private folder is removed when the parser closes");
    assertEquals(List.of(), leftIn(base));
  }

  @Test
  void aChildThatCrashesAfterCopyingTheFileLeavesNoCopy() throws Exception {
    try (IsolatedParser p = parser(BOUND)) {
      Report r = report(p);
      assertEquals("rwx------", r.mode(), "the folder is private while it exists");
      LetterRejectedException e = assertThrows(LetterRejectedException.class, () -> p.read(input("spool-die.docx.html")));
      assertEquals(RejectReason.PARSER_CRASHED, e.reason());
      assertEquals("the parser process died on this file (exit 5)", e.getMessage(), "exit 5: the copy was made before the crash");
      assertFalse(Files.exists(r.tmp()), "the crashed child's folder is removed");
      assertEquals(List.of(), leftIn(base), "no apache-tika-*.tmp nor any folder left");
      Report next = report(p);
      assertFalse(next.tmp().equals(r.tmp()), "a restarted child gets a new private folder");
      assertEquals("rwx------", next.mode());
    }
    assertEquals(List.of(), leftIn(base));
  }

  @Test
  void aChildThatTimesOutAfterCopyingTheFileLeavesNoCopy() throws Exception {
    // the limit only has to exceed the spooling of a small file by a warm child; the file then hangs for ever
    try (IsolatedParser p = parser(Duration.ofSeconds(5))) {
      Report r = report(p);
      assertEquals("rwx------", r.mode(), "the folder is private while it exists");
      LetterRejectedException e = assertThrows(LetterRejectedException.class, () -> p.read(input("spool-hang.docx.html")));
      assertEquals(RejectReason.TIMEOUT, e.reason());
      assertFalse(Files.exists(r.tmp()), "the stopped child's folder is removed");
      assertEquals(List.of(), leftIn(base));
    }
  }

  @Test
  void aRelativePathIsFoundThoughTheChildRunsInItsOwnFolder() throws Exception {
    Path relative = Path.of("").toAbsolutePath().relativize(input("report.html"));
    assertFalse(relative.isAbsolute());
    // a base deeper than this folder, so that the relative path does not happen to lead to the file from there too
    Path deep = base.resolve("a").resolve("b").resolve("c");
    assertTrue(deep.getNameCount() > Path.of("").toAbsolutePath().getNameCount());
    try (IsolatedParser p = new IsolatedParser(new LetterParser(),
        new IsolatedParser.Options(BOUND, "256m", TempWorker.class).withTempBase(deep))) {
      LetterRejectedException e = assertThrows(LetterRejectedException.class, () -> p.read(relative));
      assertTrue(Report.of(e.getMessage()).foundTheFile(), "the child was sent a path it can open");
    }
  }

  @Test
  void tikaCopiesARealDocxIntoThePrivateFolderWhichGoesWhenTheChildCrashes() throws Exception {
    Path docx = inputs.resolve("letter.docx");
    TestDocuments.docx("Dear patient, this letter is private.", docx);
    try (IsolatedParser p = new IsolatedParser(new LetterParser(),
        new IsolatedParser.Options(BOUND, "256m", DocxCrashWorker.class).withTempBase(base))) {
      Report r = report(p);
      assertEquals(base, r.tmp().getParent());
      assertEquals("rwx------", r.mode(), "the folder is private while it exists");
      LetterRejectedException e = assertThrows(LetterRejectedException.class, () -> p.read(docx));
      assertEquals(RejectReason.PARSER_CRASHED, e.reason());
      assertEquals("the parser process died on this file (exit 5)", e.getMessage(),
          "exit 5: Tika copied the DOCX into the child's private folder, and the child crashed then");
      assertFalse(Files.exists(r.tmp()), "the crashed child's folder is removed");
      assertEquals(List.of(), leftIn(base), "no apache-tika-*.tmp nor any folder left");
    }
  }

  @Test
  void aWorkerWhoseParentDiesEndsThoughItsStdinStaysOpen() throws Exception {
    Path tmp = Files.createDirectory(base.resolve("worker-tmp"));
    // cat holds the write end of the fake parent's stdin, which its worker shares: it stays open when
    // the fake parent dies, so only the worker's watch of its parent can end it
    List<Process> pipeline = ProcessBuilder.startPipeline(List.of(
        new ProcessBuilder("cat").redirectError(ProcessBuilder.Redirect.DISCARD),
        new ProcessBuilder(javaCommand(List.of(), FakeParent.class.getName(), tmp.toString())).redirectError(ProcessBuilder.Redirect.DISCARD)));
    Process holder = pipeline.get(0);
    Process parent = pipeline.get(1);
    ProcessHandle worker = null;
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertTrue(line != null, "the fake parent printed its worker's pid");
      worker = ProcessHandle.of(Long.parseLong(line.trim())).orElseThrow();
      parent.destroyForcibly();
      assertTrue(parent.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS), "the fake parent ended");
      assertTrue(holder.isAlive(), "the worker's stdin is still open");
      try {
        worker.onExit().get(BOUND.toSeconds(), TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        fail("the worker outlived its parent");
      }
      assertFalse(Files.exists(tmp), "the worker removes its private folder on its way out");
    } finally {
      parent.destroyForcibly();
      holder.destroyForcibly();
      if (worker != null) {
        worker.destroyForcibly();
      }
    }
  }

  @Test
  void aWorkerWhoseStdinClosesWhileItParsesEnds() throws Exception {
    stdinCloses(true);
  }

  @Test
  void anIdleWorkerWhoseStdinClosesRemovesItsFolderBeforeItEnds() throws Exception {
    stdinCloses(false);
  }

  /** Starts a {@link TempWorker} on a pipe, closes the pipe (while it parses a hanging file, or idle), and waits for its end. */
  private void stdinCloses(boolean whileParsing) throws Exception {
    Path tmp = Files.createDirectory(base.resolve("worker-tmp"));
    Process child = new ProcessBuilder(javaCommand(List.of("-Djava.io.tmpdir=" + tmp, "-D" + WorkerMessages.PRIVATE_TMP + "=" + tmp),
        TempWorker.class.getName())).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      assertEquals(WorkerMessages.READY, out.readLine());
      OutputStream in = child.getOutputStream();
      if (whileParsing) {
        Path hang = input("spool-hang.html");
        in.write((LetterJson.mapper().writeValueAsString(new WorkerMessages.Request(hang.toString())) + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
        awaitFile(Path.of(hang + ".busy"));
      }
      in.close(); // what the kernel does when the parent dies
      assertTrue(child.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS), "the worker must end when its stdin closes, even while parsing");
      assertFalse(Files.exists(tmp), "the worker removes its private folder on its way out");
    } finally {
      child.destroyForcibly();
    }
  }


  @Test
  void aChildEndsAndLeavesNoFolderWhenItsParentIsKilled() throws Exception {
    parentDies(true);
  }

  @Test
  void aChildEndsAndLeavesNoFolderWhenItsParentIsTerminated() throws Exception {
    parentDies(false);
  }

  @Test
  void aTerminatedParentStopsEvenAChildThatWatchesNothingAndRemovesItsFolder() throws Exception {
    Path pidFile = inputs.resolve("deaf.pid");
    ProcessBuilder builder = new ProcessBuilder(javaCommand(List.of(), ParentMain.class.getName(), base.toString(), DeafWorker.class.getName(),
        input("any.html").toString())).redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put(PID_FILE, pidFile.toString());
    Process parent = builder.start();
    ProcessHandle worker = null;
    try {
      awaitFile(pidFile);
      worker = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).orElseThrow();
      parent.destroy(); // SIGTERM: the parent's shutdown hook must end the child, which would not end by itself
      assertTrue(parent.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS), "the parent ended");
      try {
        worker.onExit().get(BOUND.toSeconds(), TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        fail("the parser child outlived its terminated parent");
      }
      assertEquals(List.of(), leftIn(base), "the child's folder and the copy in it are removed");
    } finally {
      parent.destroyForcibly();
      if (worker != null) {
        worker.destroyForcibly();
      }
    }
  }

  /** Starts {@link ParentMain}, waits until its child is parsing, kills it (-9 or SIGTERM), and waits for the child's end. */
  private void parentDies(boolean forcibly) throws Exception {
    Path hang = input("spool-hang.html");
    Process parent = new ProcessBuilder(javaCommand(List.of(), ParentMain.class.getName(), base.toString(), TempWorker.class.getName(),
        input("report.html").toString(), hang.toString())).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertTrue(line != null, "the parent printed the child's report");
      Report r = Report.of(line);
      Optional<ProcessHandle> child = ProcessHandle.of(r.pid());
      assertTrue(child.isPresent(), "the child runs");
      awaitFile(Path.of(hang + ".busy"));
      if (forcibly) {
        parent.destroyForcibly();
      } else {
        parent.destroy();
      }
      assertTrue(parent.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS), "the parent ended");
      try {
        child.get().onExit().get(BOUND.toSeconds(), TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        child.get().destroyForcibly();
        fail("the parser child outlived its parent");
      } catch (ExecutionException e) {
        fail(e);
      }
      assertFalse(Files.exists(r.tmp()), "the child's private folder is removed");
      assertEquals(List.of(), leftIn(base));
    } finally {
      parent.destroyForcibly();
    }
  }

  private static List<String> javaCommand(List<String> options, String main, String... args) {
    List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1"));
    command.addAll(options);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), main));
    command.addAll(List.of(args));
    return command;
  }

  /** Waits for a file to appear (an event, not a duration: the bound only stops a test that is broken). */
  private static void awaitFile(Path file) throws IOException, InterruptedException {
    try (WatchService watch = file.getFileSystem().newWatchService()) {
      file.getParent().register(watch, StandardWatchEventKinds.ENTRY_CREATE);
      long deadline = System.nanoTime() + BOUND.toNanos();
      while (!Files.exists(file)) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          fail("never appeared: " + file);
        }
        var key = watch.poll(Math.min(left, TimeUnit.SECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
        if (key != null) {
          key.pollEvents();
          key.reset();
        }
      }
    }
  }
}
