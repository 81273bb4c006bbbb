package com.wallet.apiaccess.ops;

import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an operator watches: health probes and Prometheus metrics. */
@QuarkusTest
class HealthAndMetricsTest {

    @Test
    void shouldReportLive() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void shouldReportReadyWithTheDatabaseUp() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void shouldCountIssuedTokens() {
        double before = metric("api_access_tokens_issued_total", "");
        String clientId = Api.unique("metrics");
        String secret = Api.createClient(Api.adminToken(), clientId, List.of("accounts:read"))
                .getString("clientSecret");
        Api.clientToken(Api.oauthClientId(clientId), secret);
        double after = metric("api_access_tokens_issued_total", "");
        assertTrue(after >= before + 1, "issued went from " + before + " to " + after);
    }

    @Test
    void shouldCountRefusedTokensByReason() {
        double before = metric("api_access_tokens_refused_total", "reason=\"invalid_client\"");
        given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", Api.oauthClientId(Api.unique("nobody")))
                .formParam("client_secret", "not-a-secret")
                .when()
                .post("/oauth2/token")
                .then()
                .statusCode(401)
                .body("error", equalTo("invalid_client"));
        double after = metric("api_access_tokens_refused_total", "reason=\"invalid_client\"");
        assertTrue(after >= before + 1, "refused went from " + before + " to " + after);
    }

    @Test
    void shouldTimeTokenRequestsByOutcome() {
        double issuedBefore = metric("api_access_token_requests_seconds_count", "outcome=\"issued\"");
        double refusedBefore = metric("api_access_token_requests_seconds_count", "outcome=\"refused\"");
        String clientId = Api.unique("timed");
        String secret = Api.createClient(Api.adminToken(), clientId, List.of("accounts:read"))
                .getString("clientSecret");
        Api.clientToken(Api.oauthClientId(clientId), secret);
        given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", Api.oauthClientId(clientId))
                .formParam("client_secret", "not-the-secret")
                .when()
                .post("/oauth2/token")
                .then()
                .statusCode(401);
        double issuedAfter = metric("api_access_token_requests_seconds_count", "outcome=\"issued\"");
        double refusedAfter = metric("api_access_token_requests_seconds_count", "outcome=\"refused\"");
        assertTrue(issuedAfter >= issuedBefore + 1, "issued went from " + issuedBefore + " to " + issuedAfter);
        assertTrue(refusedAfter >= refusedBefore + 1, "refused went from " + refusedBefore + " to " + refusedAfter);
    }

    @Test
    void shouldLeaveTheTokenEndpointOutOfTheGenericHttpMetric() {
        String clientId = Api.unique("untagged");
        String secret = Api.createClient(Api.adminToken(), clientId, List.of("accounts:read"))
                .getString("clientSecret");
        Api.clientToken(Api.oauthClientId(clientId), secret);
        assertTrue(
                metric("http_server_requests_seconds_count", "uri=\"/api/clients\"") >= 1,
                "the admin API is in the generic metric");
        assertEquals(0, metric("http_server_requests_seconds_count", "uri=\"/oauth2/token\""));
    }

    @Test
    void shouldNotNameClientsInMetrics() {
        String clientId = Api.unique("secretname");
        String secret = Api.createClient(Api.adminToken(), clientId, List.of("accounts:read"))
                .getString("clientSecret");
        Api.clientToken(Api.oauthClientId(clientId), secret);
        String metrics = given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(!metrics.contains(clientId) && !metrics.contains(secret), "no client id or secret in metrics");
    }

    @Test
    void shouldServeMetricsInPrometheusFormat() {
        given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("# TYPE api_access_tokens_issued counter"))
                .body(containsString("api_access_tokens_issued_total "));
    }

    /** The value of a Prometheus sample whose name is {@code name} and whose labels include {@code label}; 0 when absent. */
    private static double metric(String name, String label) {
        String text = given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Pattern sample = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*\\})?\\s+(\\S+)$", Pattern.MULTILINE);
        Matcher matcher = sample.matcher(text);
        double total = 0;
        while (matcher.find()) {
            String labels = matcher.group(1) == null ? "" : matcher.group(1);
            if (labels.contains(label)) {
                total += Double.parseDouble(matcher.group(2));
            }
        }
        return total;
    }
}
