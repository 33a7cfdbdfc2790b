/**
 * Relaying each run to the hub: per run, updates leave in event order, one at a time; progress is paced to a
 * per-run rate and coalesced to the newest while it waits; started, completed and failed are never dropped or held
 * back by the pace, and a pending progress goes out before the terminal update behind it. An update the hub does not
 * take stays at the head of its run and is tried again later, so the end of a run survives a hub outage. Each
 * update reports back ({@link dev.benchpulse.notifier.relay.Delivery}) once it was delivered or deliberately
 * coalesced, which is when the event it came from may be committed.
 */
package dev.benchpulse.notifier.relay;
