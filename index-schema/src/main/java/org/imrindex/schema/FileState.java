package org.imrindex.schema;

/**
 * What the index knows of a file it read a letter from, to skip it quickly when unchanged.
 *
 * @param path the absolute, normalized path
 * @param size bytes
 * @param modified last-modified time in milliseconds
 * @param sha256 hex SHA-256 of the bytes
 * @param letterId the letter read from it
 */
public record FileState(String path, long size, long modified, String sha256, String letterId) {}
