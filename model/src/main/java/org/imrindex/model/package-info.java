/**
 * The structured record of a determination letter: immutable records and their vocabularies.
 * This is what the parser produces, what {@code imr extract} prints and what the index stores.
 */
package org.imrindex.model;
