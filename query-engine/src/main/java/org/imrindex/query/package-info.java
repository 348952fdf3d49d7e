/**
 * Query step: the user's query and filters to a Lucene query over decisions (letter text reached
 * through a block join), uphold-rate reports with Wilson intervals, and streaming exports.
 */
package org.imrindex.query;
