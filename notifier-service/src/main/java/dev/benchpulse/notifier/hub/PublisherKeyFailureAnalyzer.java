package dev.benchpulse.notifier.hub;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a start-up refused for want of a usable publisher key, instead of a stack trace. */
class PublisherKeyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidPublisherKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidPublisherKeyException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Give the notifier the key the hub checks publisher JWTs with: MERCURE_PUBLISHER_JWT_KEY (with "
                        + "MERCURE_PUBLISHER_JWT_ALG=HS256, the default), or MERCURE_PUBLISHER_JWT_ALG=RS256 and "
                        + "MERCURE_PUBLISHER_JWT_PRIVATE_KEY holding a PEM PKCS#8 RSA private key.",
                cause);
    }
}
