package dev.benchpulse.gateway.subscriber;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/** Reads the PEM (PKCS#8) RSA private key used to sign RS* subscriber tokens, with the JDK alone. */
final class PemKeys {

    private PemKeys() {
    }

    static RSAPrivateCrtKey rsaPrivateKey(String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(body);
            return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("MERCURE_SUBSCRIBER_JWT_KEY is not a PEM RSA private key (PKCS#8, starting"
                    + " with -----BEGIN PRIVATE KEY-----). Convert one with: openssl pkcs8 -topk8 -nocrypt -in key.pem",
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
