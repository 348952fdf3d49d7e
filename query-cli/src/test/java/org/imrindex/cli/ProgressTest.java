package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.imrindex.index.IngestListener.FileOutcome;
import org.imrindex.index.Rejection;
import org.imrindex.parse.RejectReason;
import org.junit.jupiter.api.Test;

class ProgressTest {

  private static final long ELEVEN_SECONDS = 11_000_000_000L;

  @Test
  void thePlainLineCountsOfTheTotalAndNeverPrintsFewerFilesThanDone() {
    AtomicLong clock = new AtomicLong(1_000);
    StringWriter err = new StringWriter();
    Progress p = new Progress(false, new PrintWriter(err, true), false, clock::get);

    // a path reported before the total is known, as the ingest once did with the paths that are not files
    clock.addAndGet(ELEVEN_SECONDS);
    p.fileDone(Path.of("missing.txt"), FileOutcome.REJECTED, new Rejection("missing.txt", RejectReason.UNREADABLE, "no such file"));
    p.started(3);
    clock.addAndGet(ELEVEN_SECONDS);
    p.fileDone(Path.of("a.txt"), FileOutcome.INDEXED, null);
    p.fileDone(Path.of("b.txt"), FileOutcome.INDEXED, null); // within ten seconds of the last line: no line
    p.close();

    assertEquals("imr: 1 of 1 files (0 files/s), 1 rejected\nimr: 2 of 3 files (0 files/s), 1 rejected\n", err.toString());
  }

  @Test
  void quietPrintsNothing() {
    AtomicLong clock = new AtomicLong();
    StringWriter err = new StringWriter();
    Progress p = new Progress(true, new PrintWriter(err, true), false, clock::get);
    p.started(1);
    clock.addAndGet(ELEVEN_SECONDS);
    p.fileDone(Path.of("a.txt"), FileOutcome.INDEXED, null);
    assertEquals("", err.toString());
  }
}
