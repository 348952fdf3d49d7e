package org.imrindex.index;

import org.imrindex.parse.RejectReason;

/**
 * A file that yielded no letter, and why.
 *
 * @param path the file
 * @param reason the typed reason
 * @param detail one line of detail
 */
public record Rejection(String path, RejectReason reason, String detail) {}
