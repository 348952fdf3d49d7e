/**
 * Plain-Java text rules shared by the parser and the analyzers (no Lucene here, so the parser can
 * use them without Lucene on its class path): how PDF line-break hyphens are repaired.
 */
package org.imrindex.text;
