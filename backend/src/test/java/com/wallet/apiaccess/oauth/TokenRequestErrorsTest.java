package com.wallet.apiaccess.oauth;

import com.wallet.apiaccess.oauth.TokenEndpoint.TestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static com.wallet.apiaccess.oauth.TokenEndpoint.assertOAuthError;
import static com.wallet.apiaccess.oauth.TokenEndpoint.basic;
import static com.wallet.apiaccess.oauth.TokenEndpoint.form;
import static com.wallet.apiaccess.oauth.TokenEndpoint.newClient;
import static com.wallet.apiaccess.oauth.TokenEndpoint.post;
import static com.wallet.apiaccess.oauth.TokenEndpoint.postWithBasic;
import static com.wallet.apiaccess.oauth.TokenEndpoint.raw;
import static com.wallet.apiaccess.oauth.TokenEndpoint.rawPost;
import static com.wallet.apiaccess.oauth.TokenEndpoint.rawSocketPost;
import static com.wallet.apiaccess.oauth.TokenEndpoint.secretPost;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Requests the token endpoint must refuse with an RFC 6749 §5.2 error other than invalid_client. */
@QuarkusTest
class TokenRequestErrorsTest {

    private static TestClient client;

    /** One client for the whole class (REST Assured is only pointed at the app once a test runs). */
    @BeforeEach
    void createClient() {
        if (client != null) {
            return;
        }
        client = newClient(List.of("accounts:read", "payments:change"));
    }

    private static String credentials(String... more) {
        String base = form("client_id", client.oauthClientId(), "client_secret", client.secret());
        return more.length == 0 ? base : base + "&" + form(more);
    }

    private static byte[] validForm() {
        return credentials("grant_type", "client_credentials").getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void shouldRequireGrantType() {
        assertOAuthError(post(credentials()), 400, "invalid_request");
    }

    @Test
    void shouldTreatAnEmptyGrantTypeAsMissing() {
        assertOAuthError(post(credentials("grant_type", "")), 400, "invalid_request");
    }

    @Test
    void shouldRefuseThePasswordGrant() {
        assertOAuthError(
                post(credentials("grant_type", "password", "username", "u", "password", "p")),
                400,
                "unsupported_grant_type");
    }

    @Test
    void shouldRefuseTheAuthorizationCodeGrant() {
        assertOAuthError(
                post(credentials("grant_type", "authorization_code", "code", "x")), 400, "unsupported_grant_type");
    }

    @Test
    void shouldRefuseAScopeTheClientDoesNotHold() {
        assertOAuthError(secretPost(client, "cards:read"), 400, "invalid_scope");
    }

    @Test
    void shouldRefuseAScopeWhenOnlyOneOfItsRolesIsNotHeld() {
        assertOAuthError(secretPost(client, "accounts:read cards:read"), 400, "invalid_scope");
    }

    @Test
    void shouldRefuseAnUnknownScopeToken() {
        assertOAuthError(secretPost(client, "no-such-role"), 400, "invalid_scope");
    }

    @Test
    void shouldRefuseAChangeScopeWhenTheClientHoldsOnlyRead() {
        assertOAuthError(secretPost(client, "accounts:change"), 400, "invalid_scope");
    }

    @Test
    void shouldRefuseBasicAndClientSecretTogether() {
        Response response = postWithBasic(
                basic(client.oauthClientId(), client.secret()), credentials("grant_type", "client_credentials"));
        assertOAuthError(response, 400, "invalid_request");
    }

    @Test
    void shouldRefuseARepeatedGrantType() {
        assertOAuthError(
                post(credentials("grant_type", "client_credentials", "grant_type", "client_credentials")),
                400,
                "invalid_request");
    }

    @Test
    void shouldRefuseARepeatedClientId() {
        String body = form(
                "grant_type",
                "client_credentials",
                "client_id",
                client.oauthClientId(),
                "client_id",
                client.oauthClientId(),
                "client_secret",
                client.secret());
        assertOAuthError(post(body), 400, "invalid_request");
    }

    @Test
    void shouldRefuseARepeatedScope() {
        assertOAuthError(
                post(credentials(
                        "grant_type", "client_credentials", "scope", "accounts:read", "scope", "accounts:read")),
                400,
                "invalid_request");
    }

    @Test
    void shouldRefuseAPlainTextBody() {
        Response response = given().contentType(ContentType.TEXT)
                .body(new String(validForm(), StandardCharsets.US_ASCII))
                .when()
                .post("/oauth2/token");
        assertOAuthError(response, 400, "invalid_request");
    }

    @Test
    void shouldRefuseAJsonBody() {
        Response response = given().contentType(ContentType.JSON)
                .body(Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        client.oauthClientId(),
                        "client_secret",
                        client.secret()))
                .when()
                .post("/oauth2/token");
        assertOAuthError(response, 400, "invalid_request");
    }

    @Test
    void shouldRefuseAMultipartBody() {
        Response response = given().multiPart("grant_type", "client_credentials")
                .multiPart("client_id", client.oauthClientId())
                .multiPart("client_secret", client.secret())
                .when()
                .post("/oauth2/token");
        assertOAuthError(response, 400, "invalid_request");
    }

    @Test
    void shouldRefuseABodyWithoutContentType() throws Exception {
        assertOAuthError(raw(rawPost(null, validForm())), 400, "invalid_request");
    }

    @Test
    void shouldAcceptAFormWithACharsetParameter() throws Exception {
        var response = raw(rawPost("application/x-www-form-urlencoded; charset=UTF-8", validForm()));
        assertThat(response.statusCode(), equalTo(200));
    }

    @Test
    void shouldRefuseABodyJustOver8KilobytesAsInvalidRequest() throws Exception {
        byte[] body = padded(8 * 1024 + 1);
        assertOAuthError(raw(rawPost(TokenEndpoint.FORM, body)), 400, "invalid_request");
    }

    @Test
    void shouldRefuseADeclaredBodyOfSeveralMegabytesAsInvalidRequest() throws Exception {
        assertOAuthError(rawSocketPost(TokenEndpoint.FORM, padded(5 * 1024 * 1024), false), 400, "invalid_request");
    }

    @Test
    void shouldRefuseAChunkedBodyOfSeveralMegabytesAsInvalidRequest() throws Exception {
        // No Content-Length: the server only learns the size while reading.
        assertOAuthError(rawSocketPost(TokenEndpoint.FORM, padded(5 * 1024 * 1024), true), 400, "invalid_request");
    }

    @Test
    void shouldRefuseAChunkedBodyJustOver8KilobytesAsInvalidRequest() throws Exception {
        assertOAuthError(rawSocketPost(TokenEndpoint.FORM, padded(8 * 1024 + 1), true), 400, "invalid_request");
    }

    @Test
    void shouldAcceptAChunkedBodyOfAnOrdinarySize() throws Exception {
        assertThat(rawSocketPost(TokenEndpoint.FORM, validForm(), true).status(), equalTo(200));
    }

    @Test
    void shouldAnswerAnExpect100ContinueRequest() throws Exception {
        // RFC 9110 §10.1.1 / RFC 7231 §5.1.1: the server must answer 100 (Continue) or a final status
        // to the header section alone; a client that waits for it (java.net.http with expectContinue)
        // would otherwise never send its body.
        byte[] body = validForm();
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(3_000);
            String head = "POST /oauth2/token HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: " + TokenEndpoint.FORM + "\r\nContent-Length: " + body.length + "\r\n"
                    + "Expect: 100-continue\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            String statusLine;
            try {
                statusLine = TokenEndpoint.readLine(socket.getInputStream());
            } catch (java.net.SocketTimeoutException e) {
                throw new AssertionError("No answer to Expect: 100-continue within 3 s", e);
            }
            assertThat(statusLine, org.hamcrest.Matchers.startsWith("HTTP/1.1 100"));
            while (!TokenEndpoint.readLine(socket.getInputStream()).isEmpty()) {
                // the rest of the 100 answer
            }
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(body);
            assertThat(TokenEndpoint.readAnswer(socket.getInputStream()).status(), equalTo(200));
        }
    }

    @Test
    void shouldAcceptABodyJustUnder8Kilobytes() throws Exception {
        byte[] body = padded(8 * 1024 - 64);
        assertThat(raw(rawPost(TokenEndpoint.FORM, body)).statusCode(), equalTo(200));
    }

    @Test
    void shouldRefuseBrokenPercentEncoding() {
        assertOAuthError(post(credentials("grant_type", "client_credentials") + "&note=%ZZ"), 400, "invalid_request");
    }

    @Test
    void shouldRefuseATruncatedPercentEscape() {
        assertOAuthError(post(credentials("grant_type", "client_credentials") + "&note=%4"), 400, "invalid_request");
    }

    @Test
    void shouldRefusePercentEncodedInvalidUtf8() {
        assertOAuthError(
                post(credentials("grant_type", "client_credentials") + "&note=%FF%FE"), 400, "invalid_request");
    }

    @Test
    void shouldRefuseRawInvalidUtf8() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(validForm());
        body.write("&note=".getBytes(StandardCharsets.US_ASCII));
        body.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
        assertOAuthError(raw(rawPost(TokenEndpoint.FORM, body.toByteArray())), 400, "invalid_request");
    }

    @Test
    void shouldRefuseGetWith405AndAllowPost() {
        Response response =
                given().queryParam("grant_type", "client_credentials").when().get("/oauth2/token");
        assertOAuthError(response, 405, "invalid_request");
        assertThat(response.header("Allow"), equalTo("POST"));
    }

    @Test
    void shouldRefusePutWith405AndAllowPost() {
        Response response = given().contentType(TokenEndpoint.FORM)
                .body(new String(validForm(), StandardCharsets.US_ASCII))
                .when()
                .put("/oauth2/token");
        assertOAuthError(response, 405, "invalid_request");
        assertThat(response.header("Allow"), equalTo("POST"));
    }

    @Test
    void shouldRefuseBasicCredentialsThatAreNotBase64() {
        assertOAuthError(
                postWithBasic("Basic !!not*base64!!", form("grant_type", "client_credentials")),
                400,
                "invalid_request");
    }

    @Test
    void shouldRefuseBasicCredentialsWithoutAColon() {
        String authorization = "Basic "
                + Base64.getEncoder().encodeToString(client.oauthClientId().getBytes(StandardCharsets.US_ASCII));
        assertOAuthError(
                postWithBasic(authorization, form("grant_type", "client_credentials")), 400, "invalid_request");
    }

    @Test
    void shouldRefuseAClientIdInTheBodyThatDiffersFromBasic() {
        Response response = postWithBasic(
                basic(client.oauthClientId(), client.secret()),
                form("grant_type", "client_credentials", "client_id", client.oauthClientId() + "x"));
        assertOAuthError(response, 400, "invalid_request");
    }

    /** A valid client-credentials form padded with an ignored parameter to exactly {@code size} bytes. */
    private static byte[] padded(int size) {
        byte[] prefix =
                (new String(validForm(), StandardCharsets.US_ASCII) + "&padding=").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[size];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        java.util.Arrays.fill(body, prefix.length, size, (byte) 'a');
        return body;
    }
}
