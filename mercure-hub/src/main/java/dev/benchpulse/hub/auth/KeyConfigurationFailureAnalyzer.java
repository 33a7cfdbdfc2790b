package dev.benchpulse.hub.auth;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing or unusable key into a start-up failure report naming the environment variable to set. */
class KeyConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<KeyConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, KeyConfigurationException cause) {
        String variable = "MERCURE_" + cause.kind().toUpperCase() + "_JWT_KEY";
        return new FailureAnalysis(
                cause.getMessage(),
                "Set " + variable + " (and " + variable.replace("KEY", "ALG")
                        + " for an RSA or EC public key) or " + variable.replace("JWT_KEY", "JWKS_URL")
                        + " before starting the hub.",
                cause);
    }
}
