package com.wallet.apiaccess.oauth;

import com.nimbusds.jwt.SignedJWT;
import com.wallet.apiaccess.support.Api;
import com.wallet.apiaccess.support.PostgresTestDatabase;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.text.ParseException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** Requests to {@code POST /oauth2/token} and the checks every answer of it must pass. */
final class TokenEndpoint {

    static final String PATH = "/oauth2/token";
    static final String FORM = "application/x-www-form-urlencoded";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private TokenEndpoint() {}

    /** A client of the test wallet with these roles: its OAuth client id and secret. */
    record TestClient(String clientId, String oauthClientId, String secret) {}

    static TestClient newClient(List<String> roles) {
        String clientId = Api.unique("tok");
        String secret = Api.createClient(Api.adminToken(), clientId, roles).getString("clientSecret");
        return new TestClient(clientId, Api.oauthClientId(clientId), secret);
    }

    static URI uri(String path) {
        return URI.create(RestAssured.baseURI + ":" + RestAssured.port + path);
    }

    /** A form body as client_secret_post would send it, every name and value form-url-encoded. */
    static String form(String... namesAndValues) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    /** RFC 6749 §2.3.1: each of id and secret form-url-encoded, then joined by ':' and base64-encoded. */
    static String basic(String clientId, String secret) {
        String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    static RequestSpecification formRequest(String body) {
        return given().contentType(FORM).body(body);
    }

    static Response post(String body) {
        return formRequest(body).when().post(PATH);
    }

    static Response postWithBasic(String authorization, String body) {
        return formRequest(body).header("Authorization", authorization).when().post(PATH);
    }

    /** client_secret_post with grant_type=client_credentials and, when not null, a scope. */
    static Response secretPost(TestClient client, String scope) {
        return scope == null
                ? post(form(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        client.oauthClientId(),
                        "client_secret",
                        client.secret()))
                : post(form(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        client.oauthClientId(),
                        "client_secret",
                        client.secret(),
                        "scope",
                        scope));
    }

    static JsonPath issued(Response response) {
        response.then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache");
        return response.jsonPath();
    }

    static SignedJWT accessToken(Response response) {
        try {
            return SignedJWT.parse(issued(response).getString("access_token"));
        } catch (ParseException e) {
            throw new AssertionError("The access token is not a JWS", e);
        }
    }

    /**
     * An RFC 6749 §5.2 error: this status, exactly this {@code error}, a non-empty
     * {@code error_description}, JSON, and the no-store headers. Answers the body.
     */
    static JsonPath assertOAuthError(Response response, int status, String error) {
        response.then()
                .statusCode(status)
                .contentType(ContentType.JSON)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache");
        JsonPath body = response.jsonPath();
        assertThat(body.getString("error"), equalTo(error));
        assertThat(body.get("error_description"), allOf(instanceOf(String.class), not(emptyString())));
        return body;
    }

    /** invalid_client as RFC 6749 §5.2 asks after HTTP Basic was tried: 401 with a Basic challenge. */
    static JsonPath assertInvalidClientAfterBasic(Response response) {
        JsonPath body = assertOAuthError(response, 401, "invalid_client");
        assertThat(response.header("WWW-Authenticate"), startsWith("Basic realm=\""));
        return body;
    }

    /** A raw request, for what REST Assured would not send as is (no content type, huge bodies). */
    static HttpResponse<String> raw(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest.Builder rawPost(String contentType, byte[] body) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(uri(PATH)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return builder;
    }

    /** The same checks as {@link #assertOAuthError(Response, int, String)}, for a raw answer. */
    static JsonPath assertOAuthError(HttpResponse<String> response, int status, String error) {
        assertThat("status", response.statusCode(), is(status));
        assertThat(response.headers().firstValue("Content-Type").orElse(""), startsWith("application/json"));
        assertThat(response.headers().firstValue("Cache-Control").orElse(null), equalTo("no-store"));
        assertThat(response.headers().firstValue("Pragma").orElse(null), equalTo("no-cache"));
        JsonPath body = JsonPath.from(response.body());
        assertThat(body.getString("error"), equalTo(error));
        assertThat(body.get("error_description"), allOf(instanceOf(String.class), not(emptyString())));
        return body;
    }

    /** An HTTP/1.1 answer read off a socket. */
    record RawAnswer(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /**
     * Writes a POST to the token endpoint byte by byte as given (with a Content-Length of
     * {@code body.length}, or chunked), then reads one answer. Bypasses every client library, so that
     * what is tested is the server alone. Stops writing if the server closes early, as it may.
     */
    static RawAnswer rawSocketPost(String contentType, byte[] body, boolean chunked) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(15_000);
            var out = socket.getOutputStream();
            String head = "POST " + PATH + " HTTP/1.1\r\nHost: localhost\r\n"
                    + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n")
                    + "\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            try {
                for (int sent = 0; sent < body.length; sent += 16_384) {
                    int n = Math.min(16_384, body.length - sent);
                    if (chunked) {
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write(body, sent, n);
                    if (chunked) {
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                }
                if (chunked) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (IOException closedEarly) {
                // The server answered before reading everything and closed: read what it said.
            }
            return readAnswer(socket.getInputStream());
        }
    }

    /** Reads one HTTP/1.1 answer (status line, headers, a Content-Length body); skips 1xx answers. */
    static RawAnswer readAnswer(java.io.InputStream in) throws IOException {
        while (true) {
            String statusLine = readLine(in);
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, String> headers = new java.util.HashMap<>();
            for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                int colon = line.indexOf(':');
                headers.put(
                        line.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
            if (status >= 100 && status < 200) {
                continue;
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            byte[] body = in.readNBytes(length);
            return new RawAnswer(status, headers, new String(body, StandardCharsets.UTF_8));
        }
    }

    static String readLine(java.io.InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("The connection closed before a complete answer; got: " + line);
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    /** The same checks as {@link #assertOAuthError(Response, int, String)}, for an answer off a socket. */
    static JsonPath assertOAuthError(RawAnswer answer, int status, String error) {
        assertThat("status", answer.status(), is(status));
        assertThat(answer.header("Content-Type"), startsWith("application/json"));
        assertThat(answer.header("Cache-Control"), equalTo("no-store"));
        assertThat(answer.header("Pragma"), equalTo("no-cache"));
        JsonPath body = JsonPath.from(answer.body());
        assertThat(body.getString("error"), equalTo(error));
        assertThat(body.get("error_description"), allOf(instanceOf(String.class), not(emptyString())));
        return body;
    }

    /** Sets a client's expiry date behind the API's back (the API refuses past dates). */
    static void setExpiryDate(String database, String clientId, LocalDate date) throws SQLException {
        try (Connection connection = PostgresTestDatabase.connect(database);
                PreparedStatement update =
                        connection.prepareStatement("update api_client set expiry_date = ? where client_id = ?")) {
            update.setObject(1, date);
            update.setString(2, clientId);
            assertThat("clients updated", update.executeUpdate(), is(1));
        }
    }

    static LocalDate todayUtc() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
