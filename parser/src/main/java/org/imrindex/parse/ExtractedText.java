package org.imrindex.parse;

/**
 * A file's text and what the extraction learned about it.
 *
 * @param text the text, pages separated by form feeds where the format has pages
 * @param contentType the detected media type without parameters
 * @param pages page count from the document's metadata, or null
 * @param sha256 hex SHA-256 of the file's bytes
 */
public record ExtractedText(String text, String contentType, Integer pages, String sha256) {}
