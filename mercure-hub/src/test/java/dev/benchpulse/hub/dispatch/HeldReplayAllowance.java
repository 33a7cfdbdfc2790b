package dev.benchpulse.hub.dispatch;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * {@link HubTests} holds a replay back on a latch, on the hub's replay threads, to stand for a slow one: a wait the
 * test makes on purpose, so BlockHound lets it be (the hub's own replays never wait).
 */
public final class HeldReplayAllowance implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside(HubTests.class.getName() + "$HeldTransport", "replay");
    }
}
