/**
 * Running benchmarks, the whole story in one package. The run-request consumer ({@link RunRequestConsumer}) takes
 * run requests from the consumer group on a thread that only talks to Kafka, counts each request's attempts in its
 * committed offset ({@link AttemptLedger}), and hands it to a worker thread ({@link RunWorkers}), pausing its
 * partition until the run's terminal event is acknowledged; {@link AttemptWatch} sends the heartbeats of quiet
 * attempts and abandons those whose worker hung, so their request runs again. {@link RunExecution} executes the run
 * on this instance, or every run of the interleaved group whose request leads it, refusing what cannot run and
 * starting a new attempt when Kafka did not take an event; the events of each run are built by
 * {@link AttemptEvents} and published by {@link RunEventPublisher}; {@link SampleLoop} takes the samples, a group's
 * runs in turns, and publishes a progress event per sample; {@link SampleExecutor} takes one sample: it
 * renders the PHP harness for the benchmark ({@link HarnessTemplate}), runs it in a fresh PHP process with the
 * generic {@code process} package, and turns what PHP reported ({@link HarnessReport}) into a
 * {@link SampleOutcome}. Cancellations read from the control topic by every instance ({@link ControlTopicReader})
 * stop the run they name ({@link CancelledRuns}); a runner that shuts down abandons its runs to another runner
 * ({@link WorkerShutdown}). Calibration takes its samples through the same {@link SampleExecutor}.
 */
package dev.benchpulse.runner.run;
