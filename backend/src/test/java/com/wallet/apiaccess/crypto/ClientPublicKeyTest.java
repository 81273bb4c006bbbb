package com.wallet.apiaccess.crypto;

import com.wallet.apiaccess.support.TestKeys;
import com.wallet.apiaccess.support.TestKeys.TestKey;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading a client's public key: the RFC 7638 thumbprint, the supported keys, and everything refused. */
@Tag("unit")
class ClientPublicKeyTest {

    /** RFC 7638 §3.1: the example RSA key and its SHA-256 thumbprint. */
    @Test
    void shouldComputeTheThumbprintOfTheRfc7638Example() {
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put(
                "n",
                "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw");
        jwk.put("e", "AQAB");
        jwk.put("alg", "RS256");
        jwk.put("kid", "2011-04-29");

        ClientPublicKey key = ClientPublicKey.fromJwk(jwk);

        assertThat(key.kid()).isEqualTo("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
        assertThat(key.alg()).isEqualTo("RS256");
        assertThat(key.jwk()).doesNotContain("2011-04-29");
    }

    @Test
    void shouldNameTheAlgorithmOfEachSupportedKey() {
        assertThat(ClientPublicKey.fromJwk(TestKeys.ec256().publicJwk()).alg()).isEqualTo("ES256");
        assertThat(ClientPublicKey.fromJwk(TestKeys.ec384().publicJwk()).alg()).isEqualTo("ES384");
        assertThat(ClientPublicKey.fromJwk(TestKeys.rsa(2048).publicJwk()).alg())
                .isEqualTo("RS256");
        assertThat(ClientPublicKey.fromJwk(TestKeys.ed25519().publicJwk()).alg())
                .isEqualTo("EdDSA");
    }

    @Test
    void shouldGiveTheSameThumbprintToTheJwkAndThePemOfOneKey() {
        for (TestKey key : new TestKey[] {TestKeys.ec256(), TestKeys.ec384(), TestKeys.rsa(2048), TestKeys.ed25519()}) {
            String fromJwk = ClientPublicKey.fromJwk(key.publicJwk()).kid();
            String fromPem = ClientPublicKey.fromPem(key.publicPem()).kid();
            assertThat(fromPem).as(key.alg()).isEqualTo(fromJwk).isEqualTo(key.thumbprint());
        }
    }

    @Test
    void shouldReadItBackAsStored() {
        ClientPublicKey key = ClientPublicKey.fromPem(TestKeys.ed25519().publicPem());
        ClientPublicKey stored = ClientPublicKey.fromStored(key.jwk());
        assertThat(stored.kid()).isEqualTo(key.kid());
        assertThat(stored.alg()).isEqualTo("EdDSA");
    }

    @Test
    void shouldRefuseAPrivateJwk() {
        assertThatThrownBy(() -> ClientPublicKey.fromJwk(TestKeys.ec256().privateJwk()))
                .isInstanceOf(ClientPublicKey.Rejected.class)
                .hasMessageContaining("private");
        assertThatThrownBy(() -> ClientPublicKey.fromJwk(TestKeys.rsa(2048).privateJwk()))
                .hasMessageContaining("private");
        assertThatThrownBy(() -> ClientPublicKey.fromJwk(TestKeys.ed25519().privateJwk()))
                .hasMessageContaining("private");
    }

    @Test
    void shouldRefuseAPrivatePem() {
        assertThatThrownBy(() -> ClientPublicKey.fromPem(TestKeys.ec256().privatePem()))
                .isInstanceOf(ClientPublicKey.Rejected.class)
                .hasMessageContaining("private key");
    }

    @Test
    void shouldRefuseASymmetricKey() {
        assertThatThrownBy(() ->
                        ClientPublicKey.fromJwk(Map.of("kty", "oct", "k", "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0")))
                .hasMessageContaining("private or symmetric");
    }

    @Test
    void shouldRefuseAWeakRsaKey() {
        assertThatThrownBy(() -> ClientPublicKey.fromJwk(TestKeys.rsa(1024).publicJwk()))
                .hasMessage("The RSA key has 1024 bits; at least 2048 are required");
    }

    @Test
    void shouldRefuseUnsupportedCurves() {
        assertThatThrownBy(() -> ClientPublicKey.fromJwk(TestKeys.ec521().publicJwk()))
                .hasMessageContaining("P-256 or P-384");
        assertThatThrownBy(() -> ClientPublicKey.fromPem(TestKeys.ec521().publicPem()))
                .hasMessageContaining("P-256 or P-384");
    }

    @Test
    void shouldRefuseAPointOffTheCurve() {
        Map<String, Object> jwk = TestKeys.ec256().publicJwk();
        Map<String, Object> other = TestKeys.ec256().publicJwk();
        jwk.put("y", other.get("y"));
        assertThatThrownBy(() -> ClientPublicKey.fromJwk(jwk)).isInstanceOf(ClientPublicKey.Rejected.class);
    }

    @Test
    void shouldRefuseAnAlgThatIsNotTheKeys() {
        Map<String, Object> jwk = TestKeys.ec256().publicJwk();
        jwk.put("alg", "RS256");
        assertThatThrownBy(() -> ClientPublicKey.fromJwk(jwk))
                .hasMessage("jwk says alg 'RS256' but this key signs with ES256");
    }

    @Test
    void shouldRefuseAnEncryptionKey() {
        Map<String, Object> jwk = TestKeys.ec256().publicJwk();
        jwk.put("use", "enc");
        assertThatThrownBy(() -> ClientPublicKey.fromJwk(jwk)).hasMessageContaining("use 'sig'");
    }

    @Test
    void shouldRefuseMalformedInput() {
        assertThatThrownBy(() -> ClientPublicKey.fromJwk(Map.of("kty", "EC", "crv", "P-256", "x", "AAAA")))
                .isInstanceOf(ClientPublicKey.Rejected.class);
        assertThatThrownBy(() -> ClientPublicKey.fromJwk(Map.of("kty", "XYZ")))
                .isInstanceOf(ClientPublicKey.Rejected.class);
        assertThatThrownBy(() -> ClientPublicKey.fromJwk(Map.of("n", "abc")))
                .hasMessage("jwk must have a kty of EC, RSA or OKP");
        assertThatThrownBy(() -> ClientPublicKey.fromPem("not a key"))
                .hasMessage("pem must hold a '-----BEGIN PUBLIC KEY-----' block");
        assertThatThrownBy(() -> ClientPublicKey.fromPem("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"))
                .isInstanceOf(ClientPublicKey.Rejected.class);
    }
}
