/**
 * Index schema: the field names ({@link org.imrindex.schema.IndexField}) and facet dimensions
 * ({@link org.imrindex.schema.FacetDimension}) defined once, the analyzer of each text field, and
 * how a letter record becomes its block of Lucene documents. Shared by the indexer and the query
 * engine; never imports Tika or the parser.
 */
package org.imrindex.schema;
