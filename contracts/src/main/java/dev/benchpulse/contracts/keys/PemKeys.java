package dev.benchpulse.contracts.keys;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.KeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Reads the PEM keys of Mercure's JWTs (the hub verifies with public keys, the notifier and the gateway sign with
 * private keys) with the JDK alone: nimbus-jose-jwt's PEM parser needs BouncyCastle, which none of these services
 * carries otherwise. RSA and EC keys; the standard encodings only, PKCS#8 for private keys and X.509
 * SubjectPublicKeyInfo for public keys, which is what {@code openssl genpkey} and {@code openssl pkey -pubout} write.
 * A key given in an environment variable may have its line breaks written as {@code \n}.
 */
public final class PemKeys {

    /** How to turn a PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY}) key into PKCS#8. */
    public static final String CONVERT_TO_PKCS8 = "openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem";

    private static final String[] ALGORITHMS = {"RSA", "EC"};

    private PemKeys() {}

    /**
     * The private key of a PEM {@code PRIVATE KEY} block (PKCS#8).
     *
     * @throws IllegalArgumentException when the text is no such key; the message says why
     */
    public static PrivateKey privateKey(String pem) {
        if (pem != null && (pem.contains("BEGIN RSA PRIVATE KEY") || pem.contains("BEGIN EC PRIVATE KEY"))) {
            throw new IllegalArgumentException("it is a PKCS#1 or SEC1 key; convert it to PKCS#8: " + CONVERT_TO_PKCS8);
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der(pem, "PRIVATE KEY"));
        return generate(spec, (factory, s) -> factory.generatePrivate(s));
    }

    /**
     * The public key of a PEM {@code PUBLIC KEY} block (X.509 SubjectPublicKeyInfo).
     *
     * @throws IllegalArgumentException when the text is no such key; the message says why
     */
    public static PublicKey publicKey(String pem) {
        X509EncodedKeySpec spec = new X509EncodedKeySpec(der(pem, "PUBLIC KEY"));
        return generate(spec, (factory, s) -> factory.generatePublic(s));
    }

    private static byte[] der(String pem, String label) {
        if (pem == null) {
            throw new IllegalArgumentException("it is not set: expected -----BEGIN " + label + "----- ...");
        }
        String base64 = pem.replace("\\n", "\n")
                .replaceAll("-----(BEGIN|END) " + label + "-----", "")
                .replaceAll("\\s", "");
        if (base64.isEmpty()) {
            throw new IllegalArgumentException("it is empty: expected -----BEGIN " + label + "----- ...");
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "it is not a PEM " + label + " (-----BEGIN " + label + "----- ...): " + e.getMessage(), e);
        }
    }

    private interface Generator<K> {
        K generate(KeyFactory factory, KeySpec spec) throws InvalidKeySpecException;
    }

    /** Tries each algorithm in turn: the encoding names it, but only inside the DER. */
    private static <K> K generate(KeySpec spec, Generator<K> generator) {
        GeneralSecurityException last = null;
        for (String algorithm : ALGORITHMS) {
            try {
                return generator.generate(KeyFactory.getInstance(algorithm), spec);
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw new IllegalArgumentException("it is not an RSA or EC key: " + last.getMessage(), last);
    }
}
