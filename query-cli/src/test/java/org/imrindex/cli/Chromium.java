package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium for the browser checks: the DOM it built from a page, and a screenshot.
 * Missing, it fails the test under CI (CI=true: .ci/run installs it) and skips it elsewhere, saying so.
 */
final class Chromium {

  /** A bound for a stuck browser, not a timing any test depends on. */
  private static final long BROKEN_MINUTES = 3;

  private Chromium() {}

  /** The chromium executable: $IMR_CHROMIUM, else chromium on the PATH; fails under CI, skips elsewhere, when there is none. */
  static Path executable() {
    Path found = find(System.getenv("IMR_CHROMIUM"), System.getenv().getOrDefault("PATH", "/usr/bin"));
    if (found == null) {
      missing("true".equals(System.getenv("CI")));
    }
    return found;
  }

  /** {@code imrChromium} when it is executable, else the first executable chromium on {@code path}; null when there is none. */
  static Path find(String imrChromium, String path) {
    List<Path> candidates = new ArrayList<>();
    if (imrChromium != null && !imrChromium.isBlank()) {
      candidates.add(Path.of(imrChromium));
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty()) {
        candidates.add(Path.of(dir, "chromium"));
      }
    }
    return candidates.stream().filter(Files::isExecutable).findFirst().orElse(null);
  }

  /** No chromium: the test fails under CI, and is skipped (aborted, with the reason) elsewhere; never a silent pass. */
  static void missing(boolean ci) {
    String message = "chromium not found (on the PATH or at $IMR_CHROMIUM): the browser check of the HTML report needs Debian's"
        + " chromium package (apt-get install -y chromium; .ci/run installs it)";
    if (ci) {
      fail(message);
    }
    Assumptions.abort(message);
  }

  private static List<String> command(Path profile) {
    return new ArrayList<>(List.of(executable().toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile));
  }

  private static String run(List<String> command, Path work) throws IOException, InterruptedException {
    Path out = work.resolve("chromium.out");
    Path err = work.resolve("chromium.err");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(
        new java.io.File("/dev/null"))).start();
    if (!p.waitFor(BROKEN_MINUTES, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      fail("chromium did not end within " + BROKEN_MINUTES + " minutes: " + command);
    }
    assertEquals(0, p.exitValue(), "chromium failed: " + Files.readString(err, StandardCharsets.UTF_8));
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  /** The DOM Chromium built from the page (--dump-dom), serialized as HTML. */
  static String dumpDom(Path page, Path work) throws IOException, InterruptedException {
    Files.createDirectories(work);
    List<String> c = command(work.resolve("profile"));
    c.addAll(List.of("--dump-dom", page.toUri().toString()));
    String dom = run(c, work);
    assertTrue(dom.contains("</html>"), "chromium printed no DOM: " + dom);
    return dom;
  }

  /** A screenshot of the page at 1200x900 (PNG). */
  static Path screenshot(Path page, Path work, Path png) throws IOException, InterruptedException {
    Files.createDirectories(work);
    List<String> c = command(work.resolve("profile"));
    c.addAll(List.of("--screenshot=" + png, "--window-size=1200,900", "--hide-scrollbars", page.toUri().toString()));
    run(c, work);
    assertTrue(Files.size(png) > 0, "no screenshot at " + png);
    return png;
  }
}
