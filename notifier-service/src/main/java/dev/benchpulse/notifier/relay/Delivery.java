package dev.benchpulse.notifier.relay;

/**
 * The source of an update learns that it is settled: delivered to the hub, or deliberately coalesced into a newer
 * update. Called once, from any thread.
 */
@FunctionalInterface
public interface Delivery {

    void settled();
}
