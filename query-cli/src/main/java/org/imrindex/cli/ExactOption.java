package org.imrindex.cli;

import picocli.CommandLine.Option;

/** The {@code --exact} option of every command that takes a query. */
final class ExactOption {

  @Option(names = "--exact",
      description = "Match the query literally, as researchers quoting a rationale need: words as written"
          + " (case aside), no stemming, no synonyms; without it 'benzodiazepine' also finds Xanax, 'PT' physical therapy.")
  boolean exact;
}
