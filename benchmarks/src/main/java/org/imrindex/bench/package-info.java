/**
 * Benchmarks (never run as tests): throughput of the pipeline's steps on a seeded generated
 * corpus, each figure reported beside a baseline measured in the same run.
 */
package org.imrindex.bench;
