package dev.benchpulse.gateway.subscriber;

import dev.benchpulse.contracts.web.RunTopics;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the dashboard's subscriber tokens are signed and how long they last.
 *
 * @param jwtKey the hub's subscriber key ({@code MERCURE_SUBSCRIBER_JWT_KEY}): the shared secret for HS*, or the
 *        PEM private key whose public half the hub holds for RS*
 * @param jwtAlg the JWS algorithm ({@code MERCURE_SUBSCRIBER_JWT_ALG})
 * @param topic the topic selector a visitor may subscribe to: every run
 * @param lifetime how long one token is valid
 * @param renewBefore a token this close to expiry is replaced by a fresh one
 */
@ConfigurationProperties("benchpulse.mercure")
record SubscriberProperties(
        String jwtKey,
        @DefaultValue("HS256") String jwtAlg,
        @DefaultValue(RunTopics.TEMPLATE) String topic,
        @DefaultValue("12h") Duration lifetime,
        @DefaultValue("1h") Duration renewBefore) {}
