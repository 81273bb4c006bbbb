package com.wallet.apiaccess.hardening;

import com.wallet.apiaccess.hardening.SlowTokenRequest.Answer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A token request whose body does not arrive within {@code api-access.token.body-timeout} (a few
 * seconds in the test profile) gets an RFC 6749 {@code invalid_request} and its connection is closed:
 * never sooner than the bound, and well within it plus a generous margin for a busy machine.
 */
@QuarkusTest
class SlowTokenBodyTest {

    /** How much later than the bound the answer may come on a loaded 2-core machine. */
    private static final long MARGIN_MILLIS = 30_000;

    @ConfigProperty(name = "api-access.token.body-timeout")
    Duration bodyTimeout;

    @ParameterizedTest(name = "chunked={0}")
    @ValueSource(booleans = {false, true})
    void shouldGiveUpOnABodyThatNeverArrivesAndClose(boolean chunked) throws IOException {
        assertTrue(bodyTimeout.toMillis() < 60_000, "the test profile keeps the bound short: " + bodyTimeout);
        try (SlowTokenRequest request =
                SlowTokenRequest.open((int) (bodyTimeout.toMillis() + MARGIN_MILLIS), chunked)) {
            Answer answer = request.answer();

            assertEquals(400, answer.status(), answer.head());
            JsonPath body = new JsonPath(answer.body());
            assertEquals("invalid_request", body.getString("error"), answer.body());
            assertTrue(body.getString("error_description").contains("did not arrive"), answer.body());
            assertTrue(answer.header("Content-Type").startsWith("application/json"), answer.head());
            assertEquals("no-store", answer.header("Cache-Control"), answer.head());
            assertEquals("close", answer.header("Connection"), answer.head());
            assertTrue(
                    answer.afterMillis() >= bodyTimeout.toMillis(),
                    "not answered before the bound of " + bodyTimeout + ": " + answer.afterMillis() + " ms");
            assertTrue(
                    answer.afterMillis() < bodyTimeout.toMillis() + MARGIN_MILLIS,
                    "answered within the bound: " + answer.afterMillis() + " ms");
            assertTrue(request.closedByServer(), "the connection is closed after the answer");
        }
    }

    @Test
    void shouldStillReadABodyThatComesInPiecesWithinTheBound() throws IOException {
        String form = "grant_type=client_credentials&client_id=wallet-acme-nobody&client_secret=wrong";
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout((int) (bodyTimeout.toMillis() + MARGIN_MILLIS));
            OutputStream out = socket.getOutputStream();
            out.write(("POST /oauth2/token HTTP/1.1\r\nHost: localhost\r\n"
                            + "Content-Type: application/x-www-form-urlencoded\r\n"
                            + "Content-Length: " + form.length() + "\r\n\r\n" + form.substring(0, 12))
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            sleep(Math.min(500, bodyTimeout.toMillis() / 4));
            out.write(form.substring(12).getBytes(StandardCharsets.US_ASCII));
            out.flush();

            String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 401", answer, "the whole body was read and judged: an unknown client");
        }
    }

    @Test
    void shouldNotHoldAPlaceForABodyItGaveUpOn() throws IOException {
        try (SlowTokenRequest request = SlowTokenRequest.open((int) (bodyTimeout.toMillis() + MARGIN_MILLIS))) {
            assertEquals(400, request.answer().status());
        }
        // the answer above gave the place back; a complete request is read and judged as ever
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout((int) MARGIN_MILLIS);
            String form = "grant_type=client_credentials";
            socket.getOutputStream()
                    .write(("POST /oauth2/token HTTP/1.1\r\nHost: localhost\r\n"
                                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                                    + form.length()
                                    + "\r\n\r\n" + form)
                            .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertFalse(answer.startsWith("HTTP/1.1 503"), answer);
            assertEquals("HTTP/1.1 401", answer);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
