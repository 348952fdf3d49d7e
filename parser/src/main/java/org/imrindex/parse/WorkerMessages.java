package org.imrindex.parse;

import org.imrindex.model.DeterminationLetter;

/** The line protocol between {@link IsolatedParser} and {@link ParserWorker}: one JSON object per line. */
final class WorkerMessages {

  private WorkerMessages() {}

  /** Parse this file. */
  record Request(String path) {}

  /** A letter and its text, or a rejection reason and detail. */
  record Response(DeterminationLetter letter, String text, RejectReason reason, String detail) {}
}
