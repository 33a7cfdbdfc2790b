package dev.benchpulse.runner.run;

import dev.benchpulse.contracts.avro.RunRequested;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;

/**
 * A runner worker: takes run requests from the {@code benchpulse-runner} consumer group, one at a time per
 * consumer thread, and acknowledges (commits) a request only after its run's terminal event is published. A
 * runner that dies mid-run never commits, so the request is delivered again and runs as a new attempt; one that
 * shuts down stops its runs and leaves their requests unacknowledged for the same reason. Each run takes a
 * {@link WorkerSlots worker slot}, which calibrations share.
 */
class RunRequestListener {

    static final String GROUP = "benchpulse-runner";

    private final RunExecution execution;
    private final WorkerSlots slots;

    RunRequestListener(RunExecution execution, WorkerSlots slots) {
        this.execution = execution;
        this.slots = slots;
    }

    @KafkaListener(id = "run-requests", groupId = GROUP, containerFactory = "runRequestsListenerFactory",
            topics = "#{T(dev.benchpulse.contracts.Topics).RUN_REQUESTS.name()}")
    void on(RunRequested request, Acknowledgment acknowledgment) {
        if (slots.forRun(() -> execution.execute(request))) {
            acknowledgment.acknowledge();
        }
    }
}
