package dev.benchpulse.hub.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import dev.benchpulse.contracts.keys.PemKeys;
import dev.benchpulse.hub.settings.HubProperties.Keys;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys one kind of token is verified with, as a nimbus key selector: an HMAC secret or a PEM public key, plus
 * during a key rotation the previous one (nimbus tries each candidate key until one verifies the signature), or a
 * remote JWK Set (fetched and refreshed in the background, {@link BackgroundJwkSet}: verifying a token never waits
 * for the HTTP call; it rotates by {@code kid} on its own).
 */
final class VerificationKeys {

    private static final Set<JWSAlgorithm> ASYMMETRIC = Set.of(
            JWSAlgorithm.RS256,
            JWSAlgorithm.RS384,
            JWSAlgorithm.RS512,
            JWSAlgorithm.PS256,
            JWSAlgorithm.PS384,
            JWSAlgorithm.PS512,
            JWSAlgorithm.ES256,
            JWSAlgorithm.ES384,
            JWSAlgorithm.ES512);

    private VerificationKeys() {}

    /** Fixed keys ignore the {@code kid} header (the one or two keys are all tried); a JWK Set selects by it. */
    static JWSKeySelector<SecurityContext> of(String kind, Keys keys) {
        String variable = "MERCURE_" + kind.toUpperCase(Locale.ROOT) + "_JWT_KEY";
        if (!keys.jwksUrl().isBlank()) {
            if (!keys.jwtKeyPrevious().isBlank()) {
                throw new KeyConfigurationException(
                        kind,
                        variable + "_PREVIOUS applies to a fixed key; a JWK Set "
                                + "rotates by key id: publish the new key in the set beside the old one instead");
            }
            return new JWSVerificationKeySelector<>(ASYMMETRIC, remote(keys.jwksUrl()));
        }
        JWSAlgorithm algorithm = JWSAlgorithm.parse(keys.jwtAlg().trim().toUpperCase(Locale.ROOT));
        List<Key> candidates = new ArrayList<>();
        candidates.add(key(kind, algorithm, keys.jwtKey(), variable));
        if (!keys.jwtKeyPrevious().isBlank()) {
            candidates.add(key(kind, algorithm, keys.jwtKeyPrevious(), variable + "_PREVIOUS"));
        }
        List<Key> selected = List.copyOf(candidates);
        return (header, context) -> algorithm.equals(header.getAlgorithm()) ? selected : List.of();
    }

    private static Key key(String kind, JWSAlgorithm algorithm, String key, String variable) {
        if (JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)) {
            return secret(kind, algorithm, key, variable);
        }
        if (ASYMMETRIC.contains(algorithm)) {
            return publicKey(kind, key, variable);
        }
        throw new KeyConfigurationException(
                kind,
                "the algorithm " + algorithm + " is not supported: use HS256, "
                        + "HS384, HS512, RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384 or ES512");
    }

    private static Key secret(String kind, JWSAlgorithm algorithm, String key, String variable) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        int minimum = Integer.parseInt(algorithm.getName().substring(2)) / 8;
        if (bytes.length < minimum) {
            throw new KeyConfigurationException(
                    kind,
                    "an " + algorithm + " secret needs at least " + minimum + " bytes (" + variable + " has "
                            + bytes.length + "): set a longer random secret");
        }
        return new SecretKeySpec(bytes, "HmacSHA" + minimum * 8);
    }

    /** A PEM {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo) of an RSA or EC key. */
    private static Key publicKey(String kind, String pem, String variable) {
        try {
            return PemKeys.publicKey(pem);
        } catch (IllegalArgumentException e) {
            throw new KeyConfigurationException(
                    kind,
                    variable + " is not a PEM-encoded public key (-----BEGIN " + "PUBLIC KEY----- ...): "
                            + e.getMessage());
        }
    }

    private static JWKSource<SecurityContext> remote(String url) {
        try {
            return new BackgroundJwkSet(URI.create(url).toURL(), Duration.ofMinutes(5));
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid JWK Set URL " + url + ": " + e.getMessage(), e);
        }
    }
}
