/**
 * Indexing step (issue 3): parsed letters to Lucene documents with facets, written by an
 * idempotent, crash-safe indexer. Never imports Tika; reads letters only through the parser API.
 */
package org.imrindex.index;
