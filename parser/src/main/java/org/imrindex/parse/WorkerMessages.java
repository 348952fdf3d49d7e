package org.imrindex.parse;

/**
 * The line protocol between {@link IsolatedParser} and {@link ParserWorker}: one JSON object per
 * line; the worker's first line is {@link #READY}, once it can take requests.
 */
final class WorkerMessages {

  /** The worker's first line: it has started and takes requests (the time limit of a file starts after it). */
  static final String READY = "{\"ready\":true}";

  /** The system property naming the worker's private temp folder, which it removes when it ends. */
  static final String PRIVATE_TMP = "imr.parser.privateTmp";

  private WorkerMessages() {}

  /** Parse this file. */
  record Request(String path) {}

  /** The file's extracted text, or a rejection reason and detail. */
  record Response(ExtractedText extracted, RejectReason reason, String detail) {}
}
