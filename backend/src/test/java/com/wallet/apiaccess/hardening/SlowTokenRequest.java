package com.wallet.apiaccess.hardening;

import io.restassured.RestAssured;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A token request on a raw socket whose body never arrives in full: its headers promise more bytes
 * than it sends. What the server answers, and whether it then closes the connection.
 */
final class SlowTokenRequest implements AutoCloseable {

    static final String PARTIAL_BODY = "grant_type=client_cre";

    private final Socket socket;
    private final long startedNanos;

    private SlowTokenRequest(Socket socket, long startedNanos) {
        this.socket = socket;
        this.startedNanos = startedNanos;
    }

    /** Sends the headers of a 100-byte form body and its first bytes, then nothing. */
    static SlowTokenRequest open(int readTimeoutMillis) throws IOException {
        return open(readTimeoutMillis, false);
    }

    /** The same, or a chunked body whose first chunk comes and no other. */
    static SlowTokenRequest open(int readTimeoutMillis, boolean chunked) throws IOException {
        Socket socket = new Socket("127.0.0.1", RestAssured.port);
        socket.setSoTimeout(readTimeoutMillis);
        long started = System.nanoTime();
        String head = "POST /oauth2/token HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n"
                + (chunked
                        ? "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(PARTIAL_BODY.length()) + "\r\n"
                        : "Content-Length: 100\r\n\r\n");
        String body = chunked ? PARTIAL_BODY + "\r\n" : PARTIAL_BODY;
        socket.getOutputStream().write((head + body).getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return new SlowTokenRequest(socket, started);
    }

    /** One answer as it came: status, lower-cased head, body; when it came since the request began. */
    record Answer(int status, String head, String body, long afterMillis) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    /** Reads the answer: the head, then a body of its Content-Length. */
    Answer answer() throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("closed before an answer; got: " + head.toString(StandardCharsets.US_ASCII));
            }
            head.write(c);
        }
        long after = (System.nanoTime() - startedNanos) / 1_000_000;
        String headText = head.toString(StandardCharsets.US_ASCII);
        int status = Integer.parseInt(headText.split(" ")[1]);
        String length = null;
        for (String line : headText.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = line.substring("content-length:".length()).trim();
            }
        }
        byte[] body = in.readNBytes(length == null ? 0 : Integer.parseInt(length));
        return new Answer(status, headText, new String(body, StandardCharsets.UTF_8), after);
    }

    /** True when the server closed the connection after its answer (within the read timeout). */
    boolean closedByServer() throws IOException {
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true; // a reset is a close too
        }
    }

    /** True when nothing at all arrives within {@code millis}: the request is still being waited for. */
    boolean silentFor(int millis) throws IOException {
        int before = socket.getSoTimeout();
        socket.setSoTimeout(millis);
        try {
            socket.getInputStream().read();
            return false; // a byte or a close: not silent
        } catch (SocketTimeoutException silent) {
            return true;
        } finally {
            socket.setSoTimeout(before);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
