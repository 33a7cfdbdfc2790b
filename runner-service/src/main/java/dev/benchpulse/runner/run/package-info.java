/**
 * Running benchmarks, the whole story in one package. A runner worker ({@link RunRequestListener}) takes a run
 * request from the consumer group; {@link RunExecution} executes one attempt of the run, refusing what cannot run,
 * and lets the request be acknowledged only once the run's terminal event is published ({@link RunEventPublisher},
 * events built by {@link AttemptEvents}); {@link SampleLoop} takes the run's samples one after another and
 * publishes a progress event per sample; {@link SampleExecutor} takes one sample: it renders the PHP harness for the
 * benchmark ({@link HarnessTemplate}), runs it in a fresh PHP process with the generic {@code process} package, and
 * turns what PHP reported ({@link HarnessReport}) into a {@link SampleOutcome}. Cancellations read from the control
 * topic by every instance ({@link ControlTopicReader}) stop the run they name ({@link CancelledRuns}); a runner that
 * shuts down abandons its runs to another runner ({@link WorkerShutdown}). Calibration takes its samples through
 * the same {@link SampleExecutor}.
 */
package dev.benchpulse.runner.run;
