package com.wallet.apiaccess.client;

import com.wallet.apiaccess.client.SecretRotationTest.Made;
import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.wallet.apiaccess.client.ClientChecks.isFieldError;
import static com.wallet.apiaccess.client.ClientChecks.isProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Disabling a client without deleting it, and enabling it again without a new secret. */
@QuarkusTest
class ClientEnableTest {

    private static void setEnabled(Made made, boolean enabled) {
        ClientChecks.put(made.admin(), made.clientId(), Map.of("roles", List.of("api-access:read"), "enabled", enabled))
                .statusCode(200)
                .body("enabled", equalTo(enabled));
    }

    @Test
    void shouldRefuseADisabledClientAtTheTokenEndpointLikeAnUnknownOne() {
        Made made = SecretRotationTest.client("dis");
        setEnabled(made, false);

        Response disabled = Secrets.tokenRequest(made.oauthClientId(), made.secret());
        Response unknown = Secrets.tokenRequest(Api.oauthClientId(Api.unique("nobody")), made.secret());

        disabled.then().statusCode(401).body("error", equalTo("invalid_client"));
        assertThat(disabled.asString()).isEqualTo(unknown.asString());
    }

    @Test
    void shouldRefuseTheLiveTokensOfADisabledClientAtOnce() {
        Made made = SecretRotationTest.client("dis-live");
        String token = Api.clientToken(made.oauthClientId(), made.secret());

        setEnabled(made, false);

        Api.as(token).when().get(ClientChecks.CLIENTS).then().statusCode(401);
    }

    @Test
    void shouldWorkAgainWithTheSameSecretOnceEnabled() {
        Made made = SecretRotationTest.client("dis-again");
        setEnabled(made, false);

        setEnabled(made, true);

        String token = Api.clientToken(made.oauthClientId(), made.secret());
        Api.as(token).when().get(ClientChecks.CLIENTS).then().statusCode(200);
    }

    @Test
    void shouldShowDisabledAsItsStatusAndKeepItWhenEnabledIsLeftOut() {
        Made made = SecretRotationTest.client("dis-status");
        setEnabled(made, false);

        ClientChecks.put(made.admin(), made.clientId(), Map.of("roles", List.of("api-access:read"), "notes", "n"))
                .statusCode(200)
                .body("enabled", equalTo(false))
                .body("status", equalTo("disabled"));
        ClientChecks.get(made.admin(), made.clientId()).body("status", equalTo("disabled"));
    }

    @Test
    void shouldCreateADisabledClientWhenAsked() {
        String admin = Api.adminToken();
        String clientId = Api.unique("dis-new");

        String secret = ClientChecks.post(
                        admin, Map.of("clientId", clientId, "roles", List.of("accounts:read"), "enabled", false))
                .statusCode(201)
                .body("enabled", equalTo(false))
                .body("status", equalTo("disabled"))
                .extract()
                .path("clientSecret");

        Secrets.tokenRequest(Api.oauthClientId(clientId), secret).then().statusCode(401);
    }

    @Test
    void shouldRefuseAnEnabledThatIsNotABoolean() {
        Made made = SecretRotationTest.client("dis-type");

        isFieldError(
                ClientChecks.put(
                        made.admin(), made.clientId(), Map.of("roles", List.of("api-access:read"), "enabled", "no")),
                "enabled");
        ClientChecks.get(made.admin(), made.clientId()).body("enabled", equalTo(true));
    }

    @Test
    void shouldNeedApiAccessChangeToDisable() {
        Made made = SecretRotationTest.client("dis-perm");
        String reader = Api.userWithRoles(List.of("api-access:read"));

        isProblem(
                ClientChecks.put(
                        reader, made.clientId(), Map.of("roles", List.of("api-access:read"), "enabled", false)),
                403);
        Secrets.tokenRequest(made.oauthClientId(), made.secret()).then().statusCode(200);
    }
}
