package org.imrindex.model;

/**
 * Where a letter's text came from.
 *
 * @param path the file as given
 * @param sha256 hex SHA-256 of the file's bytes
 * @param contentType detected media type without parameters ("application/pdf")
 * @param pages page count when the format tells it, else null
 */
public record Source(String path, String sha256, String contentType, Integer pages) {}
