package org.imrindex.parse;

/** The line protocol between {@link IsolatedParser} and {@link ParserWorker}: one JSON object per line. */
final class WorkerMessages {

  private WorkerMessages() {}

  /** Parse this file. */
  record Request(String path) {}

  /** The file's extracted text, or a rejection reason and detail. */
  record Response(ExtractedText extracted, RejectReason reason, String detail) {}
}
