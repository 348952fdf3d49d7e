/**
 * The bundled corpus: the sample letters shipped as resources, and a seeded synthetic letter
 * generator for scale tests and benchmarks, which writes the truth it generated beside the letters.
 */
package org.imrindex.corpus;
