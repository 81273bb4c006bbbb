package com.wallet.apiaccess.hardening;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A request that arrives over TLS is answered with HSTS, whatever it asked for; the same service,
 * asked over plain HTTP with an {@code http://} issuer, sends none (RFC 6797 §7.2).
 */
@QuarkusTest
@TestProfile(HstsOverTlsTest.WithTls.class)
class HstsOverTlsTest {

    private static final String HSTS = "max-age=31536000; includeSubDomains";

    /** HTTPS beside HTTP, with a self-signed key made for this run; the issuer stays http://. */
    public static class WithTls implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Path keyStore = selfSignedKeyStore();
            return Map.of(
                    "quarkus.tls.key-store.p12.path", keyStore.toString(),
                    "quarkus.tls.key-store.p12.password", "test-only",
                    "quarkus.http.test-ssl-port", "0",
                    "quarkus.http.insecure-requests", "enabled");
        }

        private static Path selfSignedKeyStore() {
            try {
                Path dir = Files.createTempDirectory("hsts-tls");
                Path keyStore = dir.resolve("server.p12");
                Process keytool = new ProcessBuilder(List.of(
                                Path.of(System.getProperty("java.home"), "bin", "keytool")
                                        .toString(),
                                "-genkeypair",
                                "-alias",
                                "server",
                                "-keyalg",
                                "EC",
                                "-groupname",
                                "secp256r1",
                                "-dname",
                                "CN=localhost",
                                "-ext",
                                "SAN=dns:localhost,ip:127.0.0.1",
                                "-validity",
                                "2",
                                "-storetype",
                                "PKCS12",
                                "-keystore",
                                keyStore.toString(),
                                "-storepass",
                                "test-only",
                                "-keypass",
                                "test-only"))
                        .redirectErrorStream(true)
                        .start();
                String output = new String(keytool.getInputStream().readAllBytes());
                if (!keytool.waitFor(2, TimeUnit.MINUTES) || keytool.exitValue() != 0) {
                    throw new IllegalStateException("keytool failed: " + output);
                }
                keyStore.toFile().deleteOnExit();
                dir.toFile().deleteOnExit();
                return keyStore;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @TestHTTPResource(value = "/", tls = true)
    URL https;

    @TestHTTPResource("/")
    URL http;

    @Test
    void shouldSendHstsOnEveryAnswerOverTls() {
        assertEquals("https", https.getProtocol());
        for (String path : new String[] {
            "/.well-known/oauth-authorization-server", "/oauth2/jwks", "/api/clients", "/q/health/ready"
        }) {
            given().relaxedHTTPSValidation()
                    .baseUri("https://localhost")
                    .port(https.getPort())
                    .when()
                    .get(path)
                    .then()
                    .header("Strict-Transport-Security", equalTo(HSTS));
        }
        given().relaxedHTTPSValidation()
                .baseUri("https://localhost")
                .port(https.getPort())
                .formParam("grant_type", "client_credentials")
                .when()
                .post("/oauth2/token")
                .then()
                .statusCode(401)
                .header("Strict-Transport-Security", equalTo(HSTS));
    }

    @Test
    void shouldSendNoHstsOverPlainHttp() {
        assertEquals("http", http.getProtocol());
        for (String path : new String[] {"/.well-known/oauth-authorization-server", "/api/clients"}) {
            given().baseUri("http://localhost")
                    .port(http.getPort())
                    .when()
                    .get(path)
                    .then()
                    .header("Strict-Transport-Security", nullValue());
        }
    }
}
