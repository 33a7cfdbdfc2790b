/**
 * Matrices: the runs one request queued together (benchmarks × runtimes), and their progress as a whole.
 */
package dev.benchpulse.results.matrix;
