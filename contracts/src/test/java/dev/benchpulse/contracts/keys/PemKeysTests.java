package dev.benchpulse.contracts.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PemKeysTests {

    private static final KeyPair RSA = generate("RSA");

    @Test
    void reads_an_rsa_private_key_in_pkcs8() {
        assertThat(PemKeys.privateKey(pem("PRIVATE KEY", RSA.getPrivate().getEncoded())))
                .isEqualTo(RSA.getPrivate());
    }

    @Test
    void reads_rsa_and_ec_public_keys() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = ec.generateKeyPair();

        assertThat(PemKeys.publicKey(pem("PUBLIC KEY", RSA.getPublic().getEncoded())))
                .isEqualTo(RSA.getPublic());
        assertThat(PemKeys.publicKey(pem("PUBLIC KEY", pair.getPublic().getEncoded())))
                .isEqualTo(pair.getPublic());
        assertThat(PemKeys.privateKey(pem("PRIVATE KEY", pair.getPrivate().getEncoded())))
                .isEqualTo(pair.getPrivate());
    }

    @Test
    void reads_a_key_whose_line_breaks_an_environment_variable_wrote_as_backslash_n() {
        String pem = pem("PUBLIC KEY", RSA.getPublic().getEncoded()).replace("\n", "\\n");

        assertThat(PemKeys.publicKey(pem)).isEqualTo(RSA.getPublic());
    }

    @Nested
    class Refuses {

        @Test
        void a_pkcs1_key_and_says_how_to_convert_it() {
            assertThatThrownBy(() ->
                            PemKeys.privateKey("-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("openssl pkcs8 -topk8");
        }

        @Test
        void text_that_is_no_key() {
            assertThatThrownBy(() ->
                            PemKeys.publicKey("-----BEGIN PUBLIC KEY-----\nnot base64!\n-----END PUBLIC KEY-----"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a PEM PUBLIC KEY");
            assertThatThrownBy(() -> PemKeys.publicKey(pem("PUBLIC KEY", new byte[] {1, 2, 3})))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not an RSA or EC key");
            assertThatThrownBy(() -> PemKeys.privateKey(null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not set");
        }
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    private static KeyPair generate(String algorithm) {
        try {
            return KeyPairGenerator.getInstance(algorithm).generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
