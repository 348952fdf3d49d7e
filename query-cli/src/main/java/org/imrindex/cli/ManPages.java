package org.imrindex.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes the man pages at build time: picocli's ManPageGenerator makes an AsciiDoc page for imr and
 * each command ({@code imr-search.adoc}...) in the folder given, and each is turned into the troff
 * that {@code man} reads ({@code imr-search.1}). Not shipped: picocli-codegen is a build-only dependency.
 */
public final class ManPages {

  private ManPages() {}

  public static void main(String[] args) throws IOException {
    File dir = new File(args[0]);
    picocli.CommandLine.Model.CommandSpec imr = Imr.commandLine().getCommandSpec();
    // the generator writes a footer (--debug, the pager) only under a heading; --help prints it without one
    imr.usageMessage().footerHeading("Notes");
    imr.usageMessage().footer(java.util.Arrays.stream(imr.usageMessage().footer()).filter(l -> !l.isBlank()).toArray(String[]::new));
    int exit = ManPageGenerator.generateManPage(dir, null, new boolean[0], true, imr);
    if (exit != 0) {
      throw new IOException("ManPageGenerator ended with " + exit);
    }
    try (DirectoryStream<Path> pages = Files.newDirectoryStream(dir.toPath(), "*.adoc")) {
      for (Path adoc : pages) {
        String name = adoc.getFileName().toString().replaceFirst("\\.adoc$", ".1");
        Files.writeString(adoc.resolveSibling(name), troff(Files.readString(adoc, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
      }
    }
  }

  private static final Pattern TITLE = Pattern.compile("= (\\S+)\\((\\d)\\)");
  private static final Pattern ATTRIBUTE = Pattern.compile(":([a-z-]+):\\s*(.*)");
  private static final Pattern BOLD = Pattern.compile("(?<![\\w*])\\*([^*\\s](?:[^*]*[^*\\s])?)\\*(?![\\w*])");
  private static final Pattern XREF = Pattern.compile("xref:[^\\[\\s]+\\[([^\\]]*)\\]");
  private static final Pattern ITALIC = Pattern.compile("(?<![\\w])_([^_\\s](?:[^_]*[^_\\s])?)_(?![\\w])");

  /**
   * The troff man page of an AsciiDoc page as ManPageGenerator writes it: the title, sections,
   * paragraphs, {@code term::} lists with their indented bodies, {@code *bold*} and {@code _italic_};
   * a paragraph whose later lines are indented (a synopsis, examples) keeps its lines.
   */
  static String troff(String adoc) {
    StringBuilder out = new StringBuilder();
    String manual = "";
    String source = "";
    List<String> paragraph = new ArrayList<>();
    for (String line : (adoc + "\n\n").split("\n", -1)) {
      Matcher m;
      if (line.startsWith("//")) {
        continue;
      }
      if (line.isBlank()) {
        flush(out, paragraph);
        continue;
      }
      if ((m = ATTRIBUTE.matcher(line)).matches()) {
        if (m.group(1).equals("manmanual")) {
          manual = m.group(2).strip();
        } else if (m.group(1).equals("mansource")) {
          source = m.group(2).strip();
        }
      } else if ((m = TITLE.matcher(line)).matches()) {
        out.append(".TH \"").append(escape(m.group(1).toUpperCase(Locale.ROOT))).append("\" \"").append(m.group(2))
            .append("\" \"\" \"").append(escape(source)).append("\" \"").append(escape(manual)).append("\"\n");
      } else if (line.startsWith("== ")) {
        flush(out, paragraph);
        out.append(".SH \"").append(escape(line.substring(3).strip().replaceFirst(":$", "").toUpperCase(Locale.ROOT))).append("\"\n");
      } else if (line.endsWith("::") && !line.startsWith(" ")) {
        flush(out, paragraph);
        out.append(".TP\n").append(inline(line.substring(0, line.length() - 2))).append('\n');
      } else if (line.startsWith("  ") && paragraph.isEmpty() && out.toString().endsWith("\n") && lastIsTerm(out)) {
        out.append(inline(line.strip())).append('\n'); // the body of a term
      } else {
        paragraph.add(line);
      }
    }
    return out.toString();
  }

  private static boolean lastIsTerm(StringBuilder out) {
    int tp = out.lastIndexOf(".TP\n");
    int other = Math.max(out.lastIndexOf(".PP\n"), Math.max(out.lastIndexOf(".SH "), out.lastIndexOf(".fi\n")));
    return tp >= 0 && tp > other;
  }

  private static void flush(StringBuilder out, List<String> paragraph) {
    if (paragraph.isEmpty()) {
      return;
    }
    boolean lines = paragraph.stream().skip(1).anyMatch(l -> l.startsWith(" "));
    out.append(".PP\n");
    if (lines) {
      out.append(".nf\n");
      paragraph.forEach(l -> out.append(inline(l)).append('\n'));
      out.append(".fi\n");
    } else {
      out.append(inline(String.join(" ", paragraph.stream().map(String::strip).toList()))).append('\n');
    }
    paragraph.clear();
  }

  /** Text for troff: backslashes and hyphens escaped, no line starting with a control character, emphasis as fonts. */
  private static String inline(String text) {
    String s = escape(XREF.matcher(text).replaceAll(r -> Matcher.quoteReplacement(r.group(1))));
    s = BOLD.matcher(s).replaceAll(r -> Matcher.quoteReplacement("\\fB" + r.group(1) + "\\fR"));
    s = ITALIC.matcher(s).replaceAll(r -> Matcher.quoteReplacement("\\fI" + r.group(1) + "\\fR"));
    return s.startsWith(".") || s.startsWith("'") ? "\\&" + s : s;
  }

  private static String escape(String text) {
    return text.replace("\\", "\\e").replace("-", "\\-");
  }
}
