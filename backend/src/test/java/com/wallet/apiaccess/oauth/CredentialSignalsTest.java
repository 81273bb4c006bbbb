package com.wallet.apiaccess.oauth;

import com.nimbusds.jwt.SignedJWT;
import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lifecycle signals to integrators: credential_expires_at in every token answer (the end of the expiry
 * date, or the retirement of the secret used, whichever is sooner), and an RFC 8594 Sunset header with
 * that instant inside the 30-day warning window.
 */
@QuarkusTest
class CredentialSignalsTest {

    private static final List<String> ROLES = List.of("accounts:read");

    private static String create(String clientId, LocalDate expiry) {
        return Api.as(Api.adminToken())
                .body(Map.of("clientId", clientId, "roles", ROLES, "expiryDate", expiry.toString()))
                .when()
                .post("/api/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("clientSecret");
    }

    private static Response token(String clientId, String secret) {
        return given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", Api.oauthClientId(clientId))
                .formParam("client_secret", secret)
                .when()
                .post("/oauth2/token");
    }

    private static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static long exp(Response answer) throws Exception {
        return SignedJWT.parse(answer.path("access_token"))
                .getJWTClaimsSet()
                .getExpirationTime()
                .toInstant()
                .getEpochSecond();
    }

    @Test
    void shouldNameTheEndOfTheExpiryDateAndSendNoSunsetWhileFarAway() {
        String clientId = Api.unique("signal");
        LocalDate expiry = LocalDate.now(ZoneOffset.UTC).plusDays(200);

        Response answer = token(clientId, create(clientId, expiry));

        answer.then().statusCode(200);
        assertThat(answer.jsonPath().getLong("credential_expires_at"))
                .isEqualTo(endOf(expiry).getEpochSecond());
        assertThat(answer.header("Sunset")).isNull();
    }

    @Test
    void shouldSendSunsetInsideTheWarningWindow() throws Exception {
        String clientId = Api.unique("signal-soon");
        LocalDate expiry = LocalDate.now(ZoneOffset.UTC).plusDays(10);

        Response answer = token(clientId, create(clientId, expiry));

        Instant end = endOf(expiry);
        assertThat(answer.jsonPath().getLong("credential_expires_at")).isEqualTo(end.getEpochSecond());
        assertThat(answer.header("Sunset"))
                .matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
        assertThat(ZonedDateTime.parse(answer.header("Sunset"), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant())
                .isEqualTo(end);
        assertThat(exp(answer)).isLessThanOrEqualTo(end.getEpochSecond());
    }

    @Test
    void shouldNameTheRetirementOfARotatedOutSecret() throws Exception {
        String clientId = Api.unique("signal-rot");
        String admin = Api.adminToken();
        String old = create(clientId, LocalDate.now(ZoneOffset.UTC).plusDays(300));
        Instant retires = Instant.now().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String fresh = Api.as(admin)
                .body(Map.of("retireOldAt", retires.toString()))
                .when()
                .post("/api/clients/" + clientId + "/secrets")
                .then()
                .statusCode(201)
                .extract()
                .path("clientSecret");

        Response withOld = token(clientId, old);
        Response withNew = token(clientId, fresh);

        assertThat(withOld.jsonPath().getLong("credential_expires_at")).isEqualTo(retires.getEpochSecond());
        assertThat(withOld.header("Sunset")).isNotNull();
        assertThat(exp(withOld)).isLessThanOrEqualTo(retires.getEpochSecond());
        assertThat(withNew.jsonPath().getLong("credential_expires_at")).isGreaterThan(retires.getEpochSecond());
        assertThat(withNew.header("Sunset")).isNull();
    }
}
