/**
 * Calibration: suggests how many inner iterations make one sample of a benchmark last about a target time on a
 * given runtime.
 */
package dev.benchpulse.runner.calibration;
