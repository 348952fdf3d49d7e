/**
 * JMH component benchmarks (run with {@code bin/bench jmh}): analysis chains against Lucene's
 * StandardAnalyzer, and letter parsing against decoding alone, each baseline in the same run.
 */
package org.imrindex.bench.jmh;
