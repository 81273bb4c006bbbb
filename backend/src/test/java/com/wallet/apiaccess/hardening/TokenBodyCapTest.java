package com.wallet.apiaccess.hardening;

import com.wallet.apiaccess.hardening.SlowTokenRequest.Answer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Only {@code api-access.token.max-body-reads} token bodies (two here) are read at once: beyond them a
 * request gets 503 {@code temporarily_unavailable} with Retry-After at once and its connection is
 * closed; a place held by a slow body is free again once that client goes away.
 */
@QuarkusTest
@TestProfile(BehindTlsProxy.class)
class TokenBodyCapTest {

    /** Generous bounds for a loaded 2-core machine; the body timeout of the profile is minutes. */
    private static final int PATIENCE_MILLIS = 30_000;

    @Test
    void shouldRefuseBeyondTheCapAtOnceAndTakeRequestsAgainOnceAPlaceIsFree() throws IOException {
        assertEquals(2, BehindTlsProxy.MAX_BODY_READS);
        try (SlowTokenRequest first = SlowTokenRequest.open(PATIENCE_MILLIS);
                SlowTokenRequest second = SlowTokenRequest.open(PATIENCE_MILLIS)) {
            // Once the server reads both slow bodies, the next request is refused; until then it may get
            // in, and as it is complete it gives its place back at once: ask until refused.
            untilBeingRead(2);
            Answer refused = untilAnswered(503);
            JsonPath body = new JsonPath(refused.body());
            assertEquals("temporarily_unavailable", body.getString("error"), refused.body());
            assertNotNull(body.getString("error_description"));
            assertTrue(refused.header("Retry-After").matches("[1-9][0-9]*"), refused.head());
            assertEquals("no-store", refused.header("Cache-Control"), refused.head());
            assertEquals("close", refused.header("Connection"), refused.head());
            assertEquals(
                    "max-age=31536000; includeSubDomains",
                    refused.header("Strict-Transport-Security"),
                    "an early answer has the headers of every answer: " + refused.head());
            assertTrue(refused.afterMillis() < PATIENCE_MILLIS, "at once: " + refused.afterMillis() + " ms");

            assertTrue(first.silentFor(500), "the first slow body is still being waited for");
            assertTrue(second.silentFor(500), "the second slow body is still being waited for");

            first.close();
            // the server learns that the first client went away, and takes requests again
            assertEquals(401, untilAnswered(401).status());
        }
        assertEquals(401, untilAnswered(401).status());
    }

    /** Waits until the server says it is reading {@code count} bodies (its gauge), or fails saying how many it reads. */
    private static void untilBeingRead(int count) {
        long deadline = System.nanoTime() + PATIENCE_MILLIS * 1_000_000L;
        double reading = -1;
        while (System.nanoTime() < deadline) {
            String metrics = RestAssured.given()
                    .get("/q/metrics")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            Matcher sample = Pattern.compile("^api_access_token_bodies_being_read\\S*\\s+(\\S+)$", Pattern.MULTILINE)
                    .matcher(metrics);
            reading = sample.find() ? Double.parseDouble(sample.group(1)) : -1;
            if (reading == count) {
                return;
            }
            sleep(50);
        }
        fail("the server reads " + reading + " slow bodies after " + PATIENCE_MILLIS + " ms, not " + count);
    }

    /** Sends complete token requests (of an unknown client) until one is answered {@code status}. */
    private static Answer untilAnswered(int status) throws IOException {
        long deadline = System.nanoTime() + PATIENCE_MILLIS * 1_000_000L;
        Answer last = null;
        while (System.nanoTime() < deadline) {
            last = complete();
            if (last.status() == status) {
                return last;
            }
            sleep(50);
        }
        fail("no answer " + status + " within " + PATIENCE_MILLIS + " ms; the last was " + last);
        return last;
    }

    private static Answer complete() throws IOException {
        String form = "grant_type=client_credentials&client_id=wallet-acme-nobody&client_secret=wrong";
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(PATIENCE_MILLIS);
            long started = System.nanoTime();
            socket.getOutputStream()
                    .write(("POST /oauth2/token HTTP/1.1\r\nHost: localhost\r\n"
                                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                                    + form.length()
                                    + "\r\n\r\n" + form)
                            .getBytes(StandardCharsets.US_ASCII));
            var in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int c = in.read();
                if (c < 0) {
                    throw new IOException("closed before an answer: " + head);
                }
                head.append((char) c);
            }
            long after = (System.nanoTime() - started) / 1_000_000;
            String text = head.toString();
            int length = 0;
            for (String line : text.split("\r\n")) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            return new Answer(Integer.parseInt(text.split(" ")[1]), text, body, after);
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
