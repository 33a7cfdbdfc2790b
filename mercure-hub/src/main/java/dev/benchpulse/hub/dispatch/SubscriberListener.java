package dev.benchpulse.hub.dispatch;

/** Told when a subscription opens and when it ends; no lock is held, so it may publish. */
public interface SubscriberListener {

    void joined(Subscriber subscriber);

    void left(Subscriber subscriber);
}
