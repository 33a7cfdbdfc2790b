/**
 * Runner workers: consume run requests as a consumer group, execute each run's samples, publish its lifecycle
 * events, and honour cancellations read from the control topic by every instance.
 */
package dev.benchpulse.runner.worker;
