package com.wallet.apiaccess.client;

import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.wallet.apiaccess.client.ClientChecks.isFieldError;
import static com.wallet.apiaccess.client.ClientChecks.isProblem;
import static com.wallet.apiaccess.client.ClientChecks.post;
import static com.wallet.apiaccess.client.ClientChecks.todayUtc;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every bad create is a 400 problem naming the JSON property, and leaves no row behind. */
@QuarkusTest
class ClientValidationTest {

    @ConfigProperty(name = "test.database.name")
    String database;

    private static Map<String, Object> body(String clientId) {
        Map<String, Object> body = new HashMap<>();
        body.put("clientId", clientId);
        body.put("roles", List.of("accounts:read"));
        return body;
    }

    @Test
    void shouldRefuseAMissingClientId() {
        String marker = ClientChecks.token("missingid");
        Map<String, Object> body = body(null);
        body.remove("clientId");
        body.put("notes", marker);

        isFieldError(post(Api.adminToken(), body), "clientId");
        assertEquals(0, ClientChecks.rowsMentioning(database, marker));
    }

    @Test
    void shouldRefuseANullClientId() {
        String marker = ClientChecks.token("nullid");
        Map<String, Object> body = body(null);
        body.put("notes", marker);

        isFieldError(post(Api.adminToken(), body), "clientId");
        assertEquals(0, ClientChecks.rowsMentioning(database, marker));
    }

    @Test
    void shouldRefuseAClientIdOfTwoCharacters() {
        assertRefusedClientId("ab");
    }

    @Test
    void shouldRefuseAClientIdOfSixtyFiveCharacters() {
        assertRefusedClientId((ClientChecks.token("long") + "x".repeat(65)).substring(0, 65));
    }

    @Test
    void shouldRefuseAnUpperCaseClientIdRatherThanRewriteIt() {
        String clientId = "Upper-" + ClientChecks.token("case");
        assertRefusedClientId(clientId);
        Api.as(Api.adminToken())
                .when()
                .get(ClientChecks.CLIENTS + "/" + clientId.toLowerCase())
                .then()
                .statusCode(404);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "with space",
                "with/slash",
                "with@at",
                "with+plus",
                "with:colon",
                "émile",
                "with%pct",
                "tab\there"
            })
    void shouldRefuseAClientIdWithACharacterOutsideTheRule(String prefix) {
        assertRefusedClientId(prefix + ClientChecks.token("x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-", ".", "_"})
    void shouldRefuseAClientIdStartingWithoutALetterOrDigit(String first) {
        assertRefusedClientId(first + ClientChecks.token("lead"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-", ".", "_"})
    void shouldRefuseAClientIdEndingWithoutALetterOrDigit(String last) {
        assertRefusedClientId(ClientChecks.token("trail") + last);
    }

    @Test
    void shouldRefuseAnEmptyClientId() {
        String marker = ClientChecks.token("emptyid");
        Map<String, Object> body = body("");
        body.put("notes", marker);

        isFieldError(post(Api.adminToken(), body), "clientId");
        assertEquals(0, ClientChecks.rowsMentioning(database, marker));
    }

    @Test
    void shouldRefuseAnExpiryDateInThePast() {
        String clientId = Api.unique("past");
        Map<String, Object> body = body(clientId);
        body.put("expiryDate", todayUtc().minusDays(1).toString());

        isFieldError(post(Api.adminToken(), body), "expiryDate");
        assertEquals(0, ClientChecks.rowsIgnoringCase(database, clientId));
    }

    @Test
    void shouldRefuseAnImpossibleExpiryDate() {
        String clientId = Api.unique("baddate");
        Map<String, Object> body = body(clientId);
        body.put("expiryDate", "2027-13-45");

        isFieldError(post(Api.adminToken(), body), "expiryDate");
        assertEquals(0, ClientChecks.rowsIgnoringCase(database, clientId));
    }

    @Test
    void shouldRefuseAnExpiryDateGivenAsANumber() {
        String clientId = Api.unique("numdate");
        Map<String, Object> body = body(clientId);
        body.put("expiryDate", 123);

        isFieldError(post(Api.adminToken(), body), "expiryDate");
        assertEquals(0, ClientChecks.rowsIgnoringCase(database, clientId));
    }

    @Test
    void shouldRefuseNotesOver1000Characters() {
        String clientId = Api.unique("longnotes");
        Map<String, Object> body = body(clientId);
        body.put("notes", "n".repeat(1001));

        isFieldError(post(Api.adminToken(), body), "notes");
        assertEquals(0, ClientChecks.rowsIgnoringCase(database, clientId));
    }

    @Test
    void shouldNameTheIndexOfAnUnknownRole() {
        String clientId = Api.unique("badrole");
        Map<String, Object> body = body(clientId);
        body.put("roles", List.of("accounts:read", "bogus:read"));

        isFieldError(post(Api.adminToken(), body), "roles[1]");
        assertEquals(0, ClientChecks.rowsIgnoringCase(database, clientId));
    }

    @Test
    void shouldRefuseARoleOfAKnownResourceWithAnUnknownAction() {
        String clientId = Api.unique("badaction");
        Map<String, Object> body = body(clientId);
        body.put("roles", List.of("accounts:write"));

        isFieldError(post(Api.adminToken(), body), "roles[0]");
        assertEquals(0, ClientChecks.rowsIgnoringCase(database, clientId));
    }

    @Test
    void shouldRefuseARoleInUpperCase() {
        String clientId = Api.unique("uprole");
        Map<String, Object> body = body(clientId);
        body.put("roles", List.of("accounts:read", "balances:read", "ACCOUNTS:READ"));

        isFieldError(post(Api.adminToken(), body), "roles[2]");
        assertEquals(0, ClientChecks.rowsIgnoringCase(database, clientId));
    }

    @Test
    void shouldRefuseMissingRoles() {
        String clientId = Api.unique("noroles");
        Map<String, Object> body = body(clientId);
        body.remove("roles");

        isFieldError(post(Api.adminToken(), body), "roles");
        assertEquals(0, ClientChecks.rowsIgnoringCase(database, clientId));
    }

    @Test
    void shouldRefuseRolesThatAreNotAnArray() {
        String clientId = Api.unique("rolestring");
        Map<String, Object> body = body(clientId);
        body.put("roles", "accounts:read");

        isFieldError(post(Api.adminToken(), body), "roles");
        assertEquals(0, ClientChecks.rowsIgnoringCase(database, clientId));
    }

    @Test
    void shouldNameEveryInvalidFieldAtOnce() {
        String marker = ClientChecks.token("many");
        Map<String, Object> body = body("Bad Id " + marker);
        body.put("expiryDate", todayUtc().minusDays(2).toString());
        body.put("roles", List.of("nothing:read"));

        isProblem(post(Api.adminToken(), body), 400)
                .body("errors.field", hasItems("clientId", "expiryDate", "roles[0]"));
        assertEquals(0, ClientChecks.rowsMentioning(database, marker));
    }

    @Test
    void shouldRefuseMalformedJson() {
        String clientId = Api.unique("broken");
        isProblem(
                Api.as(Api.adminToken())
                        .body("{\"clientId\": \"" + clientId + "\", \"roles\": [\"accounts:read\"]")
                        .when()
                        .post(ClientChecks.CLIENTS)
                        .then(),
                400);
        assertEquals(0, ClientChecks.rowsIgnoringCase(database, clientId));
    }

    @Test
    void shouldRefuseABodyThatIsNotAnObject() {
        isProblem(
                Api.as(Api.adminToken())
                        .body("[\"accounts:read\"]")
                        .when()
                        .post(ClientChecks.CLIENTS)
                        .then(),
                400);
    }

    @Test
    void shouldRefuseAnUnknownProperty() {
        String clientId = Api.unique("unknownprop");
        Map<String, Object> body = body(clientId);
        body.put("colour", "red");

        isFieldError(post(Api.adminToken(), body), "colour");
        assertEquals(0, ClientChecks.rowsIgnoringCase(database, clientId));
    }

    @Test
    void shouldNeverTakeASecretChosenByTheCaller() {
        String clientId = Api.unique("ownsecret");
        String chosen = "my-own-secret-which-is-long-enough-to-look-real";
        Map<String, Object> body = body(clientId);
        body.put("clientSecret", chosen);
        post(Api.adminToken(), body);

        given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", Api.oauthClientId(clientId))
                .formParam("client_secret", chosen)
                .when()
                .post("/oauth2/token")
                .then()
                .statusCode(401)
                .body("error", equalTo("invalid_client"));
    }

    private static ValidatableResponse postRaw(String json) {
        return Api.as(Api.adminToken())
                .body(json)
                .when()
                .post(ClientChecks.CLIENTS)
                .then();
    }

    /** A 400 that names {@code field} in its errors and its detail. */
    private static void isDuplicateKey(ValidatableResponse response, String field) {
        isFieldError(response, field)
                .body("errors.find { it.field == '" + field + "' }.message", containsString("more than once"))
                .body("detail", containsString(field));
    }

    @Test
    void shouldRefuseADuplicateKeyRatherThanReadTheLastOne() {
        String clientId = Api.unique("dupkey");
        isDuplicateKey(
                postRaw("{\"clientId\": \"" + clientId + "\", \"roles\": [\"accounts:read\"],"
                        + " \"roles\": [\"users:change\"]}"),
                "roles");
        assertEquals(0, ClientChecks.rowsIgnoringCase(database, clientId));
        ClientChecks.get(Api.adminToken(), clientId).statusCode(404);
    }

    @Test
    void shouldRefuseADuplicateClientIdKey() {
        String first = Api.unique("dupfirst");
        String second = Api.unique("dupsecond");
        isDuplicateKey(
                postRaw("{\"clientId\": \"" + first + "\", \"clientId\": \"" + second + "\","
                        + " \"roles\": [\"accounts:read\"]}"),
                "clientId");
        assertEquals(0, ClientChecks.rowsIgnoringCase(database, first));
        assertEquals(0, ClientChecks.rowsIgnoringCase(database, second));
    }

    @Test
    void shouldRefuseADuplicateKeyInAnUpdateAndChangeNothing() {
        String admin = Api.adminToken();
        String clientId = Api.unique("dupput");
        Api.createClient(admin, clientId, List.of("accounts:read"));

        isDuplicateKey(
                Api.as(admin)
                        .body("{\"roles\": [\"accounts:read\"], \"notes\": \"first\", \"roles\": [\"users:change\"]}")
                        .when()
                        .put(ClientChecks.CLIENTS + "/" + clientId)
                        .then(),
                "roles");
        ClientChecks.get(admin, clientId)
                .statusCode(200)
                .body("roles", contains("accounts:read"))
                .body("notes", equalTo(null));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2031-02-30",
                "2031-13-01",
                "2031-02-29",
                "2031-00-10",
                "2031-04-31",
                "2031-2-3",
                "20310203",
                "2031-02-03T00:00",
                "2031-02-03 ",
                " 2031-02-03",
                "+2031-02-03",
                "02-03-2031",
                "2031/02/03",
                "2031-02-3",
                "",
                "٢٠٣١-02-03"
            })
    void shouldRefuseAnExpiryDateThatIsNotOneDayWrittenYyyyMmDd(String date) {
        assertRefusedExpiryDate("\"" + date + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"20310203", "true", "[2031, 2, 3]", "[\"2031-02-03\"]", "{\"year\": 2031}", "2031.5"})
    void shouldRefuseAnExpiryDateThatIsNotAString(String json) {
        assertRefusedExpiryDate(json);
    }

    @Test
    void shouldAcceptTheTwentyNinthOfFebruaryOfALeapYear() {
        LocalDate leapDay = nextLeapDay();
        String clientId = Api.unique("leap");
        Map<String, Object> body = body(clientId);
        body.put("expiryDate", leapDay.toString());

        if (leapDay.isAfter(todayUtc().plusDays(397))) {
            // beyond the lifetime policy: refused for that, as a real date, not as an impossible one
            isFieldError(post(Api.adminToken(), body), "expiryDate")
                    .body("errors[0].message", org.hamcrest.Matchers.containsString("at most 397 days"));
            return;
        }
        post(Api.adminToken(), body).statusCode(201).body("expiryDate", equalTo(leapDay.toString()));
        ClientChecks.get(Api.adminToken(), clientId).statusCode(200).body("expiryDate", equalTo(leapDay.toString()));
    }

    @Test
    void shouldAcceptAnExpiryDateAsGivenWithoutRewritingIt() {
        LocalDate date = todayUtc().plusDays(40);
        String clientId = Api.unique("exact");
        Map<String, Object> body = body(clientId);
        body.put("expiryDate", date.toString());

        post(Api.adminToken(), body).statusCode(201).body("expiryDate", equalTo(date.toString()));
    }

    /** The next 29 February within the expiry policy's reach (at most four years ahead). */
    private static LocalDate nextLeapDay() {
        LocalDate today = todayUtc();
        for (int year = today.getYear(); ; year++) {
            if (java.time.Year.isLeap(year) && LocalDate.of(year, 2, 29).isAfter(today)) {
                return LocalDate.of(year, 2, 29);
            }
        }
    }

    private void assertRefusedExpiryDate(String json) {
        String clientId = Api.unique("strictdate");
        isFieldError(
                        postRaw("{\"clientId\": \"" + clientId + "\", \"roles\": [\"accounts:read\"],"
                                + " \"expiryDate\": " + json + "}"),
                        "expiryDate")
                .body("errors.find { it.field == 'expiryDate' }.message", containsString("YYYY-MM-DD"))
                .body("detail", containsString("expiryDate"));
        assertEquals(0, ClientChecks.rowsIgnoringCase(database, clientId));
    }

    private void assertRefusedClientId(String clientId) {
        isFieldError(post(Api.adminToken(), body(clientId)), "clientId");
        assertEquals(0, ClientChecks.rowsIgnoringCase(database, clientId));
    }
}
