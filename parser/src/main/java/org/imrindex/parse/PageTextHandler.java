package org.imrindex.parse;

import java.util.Set;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Collects the text of Tika's XHTML events: a line break after each block element, a form feed
 * between pages ({@code <div class="page">}), nothing from head, script or style, and at most
 * {@code maxChars} characters.
 */
final class PageTextHandler extends DefaultHandler {

  /** Thrown through Tika when the text exceeds the write limit. */
  static final class LimitReached extends SAXException {
    private static final long serialVersionUID = 1L;

    LimitReached(int limit) {
      super("extracted text exceeds " + limit + " characters");
    }
  }

  private static final Set<String> BLOCKS = Set.of(
      "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "table", "ul", "ol", "pre", "blockquote");
  private static final Set<String> SKIPPED = Set.of("head", "title", "script", "style", "meta");

  private final StringBuilder text = new StringBuilder();
  private final int maxChars;
  private int skipDepth;
  private int pages;

  PageTextHandler(int maxChars) {
    this.maxChars = maxChars;
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
    String name = localName.isEmpty() ? qName : localName;
    if (SKIPPED.contains(name)) {
      skipDepth++;
      return;
    }
    if (name.equals("div") && "page".equals(atts.getValue("class"))) {
      if (pages > 0) {
        text.append(TextCleaner.PAGE_BREAK);
      }
      pages++;
    } else if (BLOCKS.contains(name)) {
      text.append('\n');
    }
  }

  @Override
  public void endElement(String uri, String localName, String qName) {
    String name = localName.isEmpty() ? qName : localName;
    if (SKIPPED.contains(name)) {
      skipDepth = Math.max(0, skipDepth - 1);
    } else if (BLOCKS.contains(name)) {
      text.append('\n');
    }
  }

  @Override
  public void characters(char[] ch, int start, int length) throws SAXException {
    if (skipDepth > 0) {
      return;
    }
    if (text.length() + length > maxChars) {
      throw new LimitReached(maxChars);
    }
    text.append(ch, start, length);
  }

  @Override
  public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
    characters(ch, start, length);
  }

  String text() {
    return text.toString();
  }

  /** Pages seen, or 0 when the format has no pages. */
  int pages() {
    return pages;
  }
}
