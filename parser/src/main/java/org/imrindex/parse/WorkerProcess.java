package org.imrindex.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One running parser child of {@link IsolatedParser}: its process, its request pipe, the lines it
 * answered, and its private temp folder, which is removed when the child is stopped or closed, and
 * by a shutdown hook that ends every child still running when this JVM ends (SIGTERM, Ctrl-C, a
 * normal exit). The child ends by itself when this JVM dies without running hooks (kill -9): it
 * watches its stdin and its parent.
 */
final class WorkerProcess {

  /** Marks the end of the child's output in {@link #responses()}. */
  static final Object EOF = new Object();

  /** Longest wait for a killed child to be gone; SIGKILL is not refused, so this is only a bound. */
  private static final long KILL_WAIT_SECONDS = 60;
  /** How long a child whose stdin was closed may take to end by itself before it is killed. */
  private static final long CLOSE_WAIT_SECONDS = 5;

  private static final Set<WorkerProcess> LIVE = ConcurrentHashMap.newKeySet();
  private static volatile boolean shuttingDown;

  static {
    try {
      Runtime.getRuntime().addShutdownHook(new Thread(WorkerProcess::stopAll, "imr-parser-children-stop"));
    } catch (IllegalStateException e) {
      shuttingDown = true; // first used while this JVM is already shutting down: no child is started
    }
  }

  private final Process process;
  private final Path tmp;
  private final OutputStream requests;
  private final BlockingQueue<Object> responses = new LinkedBlockingQueue<>();
  private boolean ended;

  private WorkerProcess(Process process, Path tmp) {
    this.process = process;
    this.tmp = tmp;
    this.requests = process.getOutputStream();
  }

  /** Starts a child in a new private temp folder under the options' base. */
  static WorkerProcess start(IsolatedParser.Options options) throws IOException {
    if (shuttingDown) {
      throw new ParserShutDownException();
    }
    Path tmp = PrivateTemp.create(options.tempBase());
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + options.maxHeap(), "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
        // nothing of the child's outside its private folder: Tika's copies, PDFBox's font cache, the JVM's perf data
        // and a crash report (hs_err, replay data, a core file), which holds pieces of the letter, goes there too:
        // the child also runs in that folder, so anything written to a relative path lands in it
        "-Djava.io.tmpdir=" + tmp, "-D" + WorkerMessages.PRIVATE_TMP + "=" + tmp, "-Dpdfbox.fontcache=" + tmp, "-XX:-UsePerfData",
        "-XX:ErrorFile=" + tmp.resolve("hs_err_pid%p.log"),
        "-cp", absoluteClassPath(), options.workerMain().getName()));
    ProcessBuilder builder = new ProcessBuilder(command).directory(tmp.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("TMPDIR", tmp.toString());
    Process process;
    try {
      process = builder.start();
    } catch (IOException | RuntimeException e) {
      PrivateTemp.delete(tmp);
      throw e;
    }
    WorkerProcess child = new WorkerProcess(process, tmp);
    LIVE.add(child);
    if (shuttingDown) { // the hook may have run between the check above and the registration
      child.kill();
      throw new ParserShutDownException();
    }
    child.readOutput();
    return child;
  }

  /** This JVM's class path with each entry absolute, as the child runs in another folder. */
  private static String absoluteClassPath() {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator, -1)) {
      entries.add(entry.isEmpty() ? entry : Path.of(entry).toAbsolutePath().toString());
    }
    return String.join(java.io.File.pathSeparator, entries);
  }

  private void readOutput() {
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    Thread reader = new Thread(() -> {
      try {
        String line;
        while ((line = out.readLine()) != null) {
          responses.add(line);
        }
      } catch (IOException ignored) {
        // the process was stopped
      }
      responses.add(EOF);
    }, "imr-parser-worker-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** True once this JVM has begun to shut down: a child that ends now ended because of that, not of its file. */
  static boolean shuttingDown() {
    return shuttingDown;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The child's answer lines, then {@link #EOF}. */
  BlockingQueue<Object> responses() {
    return responses;
  }

  void send(String line) throws IOException {
    requests.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    requests.flush();
  }

  /** Kills the child, waits for it to be gone and removes its folder; returns its exit code (or -1). */
  synchronized int kill() {
    process.destroyForcibly();
    return end();
  }

  /** Closes the child's stdin (it then exits), kills it if it does not, and removes its folder. */
  synchronized void close() {
    if (ended) {
      return;
    }
    try {
      requests.close();
      if (!process.waitFor(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    end();
  }

  private int end() {
    int exit = -1;
    boolean interrupted = false;
    try {
      if (process.waitFor(KILL_WAIT_SECONDS, TimeUnit.SECONDS)) {
        exit = process.exitValue();
      }
    } catch (InterruptedException e) {
      interrupted = true;
    }
    if (!ended) {
      ended = true;
      try {
        requests.close();
      } catch (IOException ignored) {
        // the pipe is broken: the child is gone
      }
      PrivateTemp.delete(tmp);
      LIVE.remove(this);
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return exit;
  }

  /** The shutdown hook: no new children from now on, every running one killed and its folder removed. */
  private static void stopAll() {
    shuttingDown = true;
    for (WorkerProcess child : LIVE) {
      child.process.destroyForcibly();
    }
    for (WorkerProcess child : List.copyOf(LIVE)) {
      child.kill();
    }
  }
}
