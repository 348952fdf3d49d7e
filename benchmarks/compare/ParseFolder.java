import java.nio.file.*;
import java.util.*;
import org.imrindex.model.Source;
import org.imrindex.parse.LetterParser;
import org.imrindex.parse.TextExtractor;

/** Parses every .txt under a folder, repeated to N letters, R timed rounds after one warm-up; prints the best MB/s and letters/s, by the wall clock and by the thread's CPU time (steadier on a shared machine). Public parser API only, so one file runs against any build: java -cp "BUILD/query-cli/target/lib/*" ParseFolder.java DIR N R */
public class ParseFolder {
  public static void main(String[] a) throws Exception {
    List<byte[]> texts = new ArrayList<>();
    try (var s = Files.walk(Path.of(a[0]))) {
      for (Path p : s.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) texts.add(Files.readAllBytes(p));
    }
    int n = Integer.parseInt(a[1]), rounds = Integer.parseInt(a[2]);
    List<byte[]> all = new ArrayList<>();
    long bytes = 0;
    for (int i = 0; i < n; i++) { byte[] b = texts.get(i % texts.size()); all.add(b); bytes += b.length; }
    LetterParser parser = new LetterParser();
    Source src = new Source("bench", "-", "text/plain", null);
    int decisions = -1; int rejected = 0;
    double best = 1e9;
    double bestCpu = 1e9;
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int r = 0; r <= rounds; r++) {
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      int d = 0;
      for (byte[] b : all) { try { d += parser.parseText(TextExtractor.decode(b), src).decisions().size(); } catch (org.imrindex.parse.LetterRejectedException e) { rejected++; } }
      double sec = (System.nanoTime() - t0) / 1e9;
      double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
      if (decisions >= 0 && d != decisions) throw new IllegalStateException("decisions changed: " + d + " vs " + decisions);
      decisions = d;
      if (r > 0) { best = Math.min(best, sec); bestCpu = Math.min(bestCpu, cpu); } // round 0 warms up
    }
    System.out.printf(Locale.ROOT, "%d letters, %.1f MB, %d decisions, %d rejections/round: %.2f MB/s, %.0f letters/s (best of %d); by CPU time %.2f MB/s, %.0f letters/s%n",
        n, bytes / 1e6, decisions, rejected / (rounds + 1), bytes / 1e6 / best, n / best, rounds, bytes / 1e6 / bestCpu, n / bestCpu);
  }
}
