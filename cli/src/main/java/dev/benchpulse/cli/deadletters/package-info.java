/**
 * {@code ./benchpulse dlt}: the records waiting on the dead-letter topics (why each was parked, and its run), and
 * their replay to the topic they came from once the cause is fixed, through the results service's operations API.
 */
package dev.benchpulse.cli.deadletters;
