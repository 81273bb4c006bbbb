package com.wallet.apiaccess.client;

import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.wallet.apiaccess.client.ClientChecks.isFieldError;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** api-access.expiry.max-days (default 397): no client is made to live longer. */
@QuarkusTest
class LifetimePolicyTest {

    @Test
    void shouldAcceptTheLastDayThePolicyAllows() {
        String clientId = Api.unique("life");
        String last = ClientChecks.todayUtc().plusDays(397).toString();

        ClientChecks.post(
                        Api.adminToken(),
                        Map.of("clientId", clientId, "roles", List.of("accounts:read"), "expiryDate", last))
                .statusCode(201)
                .body("expiryDate", equalTo(last));
    }

    @Test
    void shouldRefuseADayLaterNamingExpiryDate() {
        String clientId = Api.unique("life-long");
        String tooLate = ClientChecks.todayUtc().plusDays(398).toString();

        isFieldError(
                        ClientChecks.post(
                                Api.adminToken(),
                                Map.of("clientId", clientId, "roles", List.of("accounts:read"), "expiryDate", tooLate)),
                        "expiryDate")
                .body("errors[0].message", containsString("397 days"));
        ClientChecks.get(Api.adminToken(), clientId).statusCode(404);
    }
}
