package dev.benchpulse.results.ingest;

import dev.benchpulse.contracts.avro.BenchmarkCompleted;
import dev.benchpulse.contracts.avro.BenchmarkProgress;
import dev.benchpulse.contracts.avro.RunRequested;
import dev.benchpulse.support.kafka.InvalidRecordException;
import org.apache.avro.specific.SpecificRecord;

/**
 * What the contract promises beyond what Avro checks, checked before anything is written: a record that breaks it
 * is bad in itself ({@link InvalidRecordException}: dead-lettered, never retried without limit), and storing it
 * would corrupt a run's samples or statistics.
 */
final class EventContract {

    private EventContract() {}

    /** Throws {@link InvalidRecordException} naming the broken rule; does nothing for a valid record. */
    static void check(SpecificRecord record) {
        switch (record) {
            case BenchmarkProgress p -> {
                require(
                        p.getCurrentIteration() >= 1,
                        p,
                        "currentIteration " + p.getCurrentIteration() + " is not 1-based");
                double time = p.getSample().getTimePerOperationNanos();
                require(Double.isFinite(time) && time >= 0, p, "timePerOperationNanos " + time + " is not a time");
            }
            case BenchmarkCompleted c ->
                require(c.getTotalIterations() >= 0, c, "totalIterations " + c.getTotalIterations() + " is negative");
            case RunRequested r ->
                require(r.getIterations() >= 1, r, "iterations " + r.getIterations() + " is not positive");
            default -> {}
        }
    }

    private static void require(boolean holds, SpecificRecord record, String broken) {
        if (!holds) {
            throw new InvalidRecordException(record.getSchema().getName() + " breaks the contract: " + broken);
        }
    }
}
