package org.imrindex.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * Writes corpus-samples/sample-pdfs/NAME.pdf from letters/samples/NAME.txt for the 2013-layout samples,
 * as {@link ExpectedRecordsTest} writes its PDF copies (Helvetica, a running head with the case number on
 * later pages, a "Page N of M" footer, or the text's own form-feed pages). Not a test: the build does not
 * run it (its name matches no test pattern); run it by hand when a sample changes, then commit the PDFs:
 * {@code ./mvnw -B -o -pl parser -am -Dtest=SamplePdfWriter -Dsurefire.failIfNoSpecifiedTests=false verify}.
 */
class SamplePdfWriter {

  @Test
  void writeThePdfsOfThe2013Samples() throws IOException {
    Path out = Files.createDirectories(BundledLetters.corpus().resolve("sample-pdfs"));
    for (Path letter : BundledLetters.letters()) {
      String name = letter.getFileName().toString();
      if (!name.startsWith("y2013-") || !name.endsWith(".txt")) {
        continue;
      }
      String text = TextExtractor.decode(Files.readAllBytes(letter));
      Matcher cm = Text.CASE_NUMBER.matcher(text);
      String head = cm.find() ? "IMR Case Number: " + cm.group() : "MAXIMUS Federal Services - Independent Medical Review";
      BundledLetters.pdf(text, out.resolve(name.replaceFirst("\\.txt$", ".pdf")), head);
    }
  }
}
