/**
 * Operations on the dead-letter topics: how many records wait on each (a meter, a health detail, an API the
 * dashboard warns from), what they are and why they were parked, and their replay to the source topic once the
 * cause is fixed. Waiting means not replayed yet: the committed offsets of consumer group
 * {@code benchpulse-dlt-replay} mark what was replayed, so the topics keep their history. Ingest is idempotent, so
 * replaying a record that was stored after all changes nothing.
 */
package dev.benchpulse.results.deadletters;
