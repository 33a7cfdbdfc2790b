package dev.benchpulse.cli.deadletters;

import picocli.CommandLine.Command;

/** {@code ./benchpulse dlt list|replay}: the dead-letter topics. */
@Command(
        name = "dlt",
        mixinStandardHelpOptions = true,
        description = "Dead-letter topics: the records Benchpulse parked as bad in themselves. List them, fix the "
                + "cause, then replay them to the topic they came from (replaying is safe: ingest is idempotent).",
        subcommands = {DltListCommand.class, DltReplayCommand.class})
public final class DltCommand {}
