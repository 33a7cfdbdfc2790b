package dev.benchpulse.gateway.subscriber;

import dev.benchpulse.contracts.keys.PemKeys;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;

/**
 * The RSA key pair of RS* subscriber tokens: the private key read from its PEM ({@link PemKeys}, shared with the hub
 * and the notifier), and its public half, which the gateway derives to check its own tokens.
 */
final class SubscriberKeys {

    private SubscriberKeys() {}

    static RSAPrivateCrtKey rsaPrivateKey(String pem) {
        try {
            return (RSAPrivateCrtKey) PemKeys.privateKey(pem);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException(
                    "MERCURE_SUBSCRIBER_JWT_KEY is not a PEM RSA private key (PKCS#8, starting"
                            + " with -----BEGIN PRIVATE KEY-----). Convert one with: "
                            + PemKeys.CONVERT_TO_PKCS8,
                    e);
        }
    }

    static RSAPublicKey publicHalf(RSAPrivateCrtKey key) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not derive the public key from MERCURE_SUBSCRIBER_JWT_KEY", e);
        }
    }
}
