/**
 * Indexing step: parsed letters to Lucene documents (a block of decision documents followed by
 * their letter document), written with facets by an idempotent, crash-safe ingester; index
 * verification. Never imports Tika: letters come through the parser API.
 */
package org.imrindex.index;
