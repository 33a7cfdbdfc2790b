package dev.benchpulse.hub.dispatch;

import dev.benchpulse.hub.transport.Transport;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Starts and stops the hub's moving parts: the transport's delivery to the dispatcher and the heartbeats. On
 * shutdown every event stream ends before the web server stops, so that a graceful shutdown does not wait for streams
 * that would never end by themselves.
 */
@Component
class HubLifecycle implements SmartLifecycle {

    private final Hub hub;
    private final Transport transport;
    private final Dispatcher dispatcher;
    private final Heartbeats heartbeats;
    private volatile boolean running;

    HubLifecycle(Hub hub, Transport transport, Dispatcher dispatcher, Heartbeats heartbeats) {
        this.hub = hub;
        this.transport = transport;
        this.dispatcher = dispatcher;
        this.heartbeats = heartbeats;
    }

    @Override
    public void start() {
        transport.start(dispatcher);
        heartbeats.start();
        running = true;
    }

    @Override
    public void stop() {
        hub.close();
        heartbeats.stop();
        transport.close();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
