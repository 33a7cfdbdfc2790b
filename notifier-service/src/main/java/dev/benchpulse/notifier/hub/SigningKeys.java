package dev.benchpulse.notifier.hub;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import dev.benchpulse.contracts.keys.PemKeys;
import dev.benchpulse.notifier.settings.NotifierProperties;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Set;

/**
 * Builds the signer of publisher JWTs from configuration: an HMAC secret ({@code MERCURE_PUBLISHER_JWT_KEY}) or a
 * PEM PKCS#8 RSA private key ({@code MERCURE_PUBLISHER_JWT_PRIVATE_KEY}). Refuses, with what to set, when the key is
 * missing or unusable.
 */
final class SigningKeys {

    private static final Set<JWSAlgorithm> HMAC = JWSAlgorithm.Family.HMAC_SHA;
    private static final Set<JWSAlgorithm> RSA = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512);

    record SigningKey(JWSAlgorithm algorithm, JWSSigner signer) {}

    private SigningKeys() {}

    static SigningKey from(NotifierProperties.Jwt jwt) {
        JWSAlgorithm algorithm = JWSAlgorithm.parse(jwt.algorithm().trim().toUpperCase());
        if (HMAC.contains(algorithm)) {
            return new SigningKey(algorithm, macSigner(jwt.key(), algorithm));
        }
        if (RSA.contains(algorithm)) {
            return new SigningKey(algorithm, new RSASSASigner(rsaPrivateKey(jwt.privateKey())));
        }
        throw new InvalidPublisherKeyException("MERCURE_PUBLISHER_JWT_ALG is " + jwt.algorithm()
                + ", which the notifier does not sign with: use HS256, HS384, HS512, RS256, RS384 or RS512.");
    }

    private static JWSSigner macSigner(String key, JWSAlgorithm algorithm) {
        if (key == null || key.isBlank()) {
            throw new InvalidPublisherKeyException("No Mercure publisher key: the notifier cannot publish without "
                    + "it. Set MERCURE_PUBLISHER_JWT_KEY (benchpulse.notifier.hub.jwt.key) to the hub's publisher "
                    + "key.");
        }
        try {
            return new MACSigner(key.getBytes(StandardCharsets.UTF_8));
        } catch (JOSEException e) {
            throw new InvalidPublisherKeyException(
                    "MERCURE_PUBLISHER_JWT_KEY is too short for " + algorithm + ": " + e.getMessage()
                            + ". Use a longer random secret, the same one the hub uses.",
                    e);
        }
    }

    private static PrivateKey rsaPrivateKey(String pem) {
        if (pem == null || pem.isBlank()) {
            throw new InvalidPublisherKeyException("No Mercure publisher private key: with an RS algorithm set "
                    + "MERCURE_PUBLISHER_JWT_PRIVATE_KEY (benchpulse.notifier.hub.jwt.private-key) to a PEM PKCS#8 "
                    + "RSA private key.");
        }
        PrivateKey key;
        try {
            key = PemKeys.privateKey(pem);
        } catch (IllegalArgumentException e) {
            throw new InvalidPublisherKeyException(
                    "MERCURE_PUBLISHER_JWT_PRIVATE_KEY is not a PEM PKCS#8 RSA " + "private key: " + e.getMessage()
                            + ".",
                    e);
        }
        if (!"RSA".equals(key.getAlgorithm())) {
            throw new InvalidPublisherKeyException("MERCURE_PUBLISHER_JWT_PRIVATE_KEY is an " + key.getAlgorithm()
                    + " key; the RS algorithms sign with an RSA private key.");
        }
        return key;
    }
}
