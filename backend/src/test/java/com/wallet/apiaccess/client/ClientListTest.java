package com.wallet.apiaccess.client;

import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static com.wallet.apiaccess.client.ClientChecks.isFieldError;
import static com.wallet.apiaccess.client.ClientChecks.post;
import static com.wallet.apiaccess.client.ClientChecks.search;
import static com.wallet.apiaccess.client.ClientChecks.todayUtc;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

/**
 * The list answers pages of a shared table, so every test creates clients that carry a search term of
 * its own and looks only at what that term finds.
 */
@QuarkusTest
class ClientListTest {

    @ConfigProperty(name = "test.database.name")
    String database;

    private static void create(String admin, String clientId) {
        Api.createClient(admin, clientId, List.of("accounts:read"));
    }

    private static void create(String admin, String clientId, String notes) {
        post(admin, Map.of("clientId", clientId, "notes", notes, "roles", List.of("accounts:read")))
                .statusCode(201);
    }

    private static void create(String admin, String clientId, LocalDate expiryDate) {
        post(
                        admin,
                        Map.of(
                                "clientId",
                                clientId,
                                "expiryDate",
                                expiryDate.toString(),
                                "roles",
                                List.of("accounts:read")))
                .statusCode(201);
    }

    @Test
    void shouldAnswerItemsTotalPageAndSize() {
        String admin = Api.adminToken();
        String term = ClientChecks.token("page");
        create(admin, "b-" + term);
        create(admin, "a-" + term);
        create(admin, "c-" + term);

        search(admin, term)
                .statusCode(200)
                .body("items.clientId", contains("a-" + term, "b-" + term, "c-" + term))
                .body("items[0].oauthClientId", equalTo(Api.oauthClientId("a-" + term)))
                .body("items[0].roles", contains("accounts:read"))
                .body("items[0].expired", is(false))
                .body("total", equalTo(3))
                .body("page", equalTo(0))
                .body("size", equalTo(20));
    }

    @Test
    void shouldAnswerAnEmptyPageWhenNothingMatches() {
        search(Api.adminToken(), ClientChecks.token("nomatch"))
                .statusCode(200)
                .body("items", empty())
                .body("total", equalTo(0))
                .body("page", equalTo(0))
                .body("size", equalTo(20));
    }

    @Test
    void shouldAnswerTwentyItemsByDefault() {
        String admin = Api.adminToken();
        String term = ClientChecks.token("twenty");
        for (int i = 0; i < 21; i++) {
            create(admin, String.format("c%02d-%s", i, term));
        }

        search(admin, term)
                .statusCode(200)
                .body("items", hasSize(20))
                .body("items[19].clientId", equalTo("c19-" + term))
                .body("total", equalTo(21))
                .body("size", equalTo(20));
        search(admin, Map.of("q", term, "page", 1))
                .statusCode(200)
                .body("items.clientId", contains("c20-" + term))
                .body("total", equalTo(21))
                .body("page", equalTo(1));
    }

    @Test
    void shouldPageFromZeroWithTheGivenSize() {
        String admin = Api.adminToken();
        String term = ClientChecks.token("pages");
        for (String prefix : List.of("e", "d", "c", "b", "a")) {
            create(admin, prefix + "-" + term);
        }

        search(admin, Map.of("q", term, "size", 2, "page", 0))
                .statusCode(200)
                .body("items.clientId", contains("a-" + term, "b-" + term))
                .body("total", equalTo(5))
                .body("page", equalTo(0))
                .body("size", equalTo(2));
        search(admin, Map.of("q", term, "size", 2, "page", 1))
                .statusCode(200)
                .body("items.clientId", contains("c-" + term, "d-" + term))
                .body("total", equalTo(5))
                .body("page", equalTo(1))
                .body("size", equalTo(2));
        search(admin, Map.of("q", term, "size", 2, "page", 2))
                .statusCode(200)
                .body("items.clientId", contains("e-" + term))
                .body("total", equalTo(5))
                .body("page", equalTo(2));
        search(admin, Map.of("q", term, "size", 2, "page", 3))
                .statusCode(200)
                .body("items", empty())
                .body("total", equalTo(5))
                .body("page", equalTo(3));
    }

    @Test
    void shouldAcceptASizeOf100() {
        search(Api.adminToken(), Map.of("size", 100)).statusCode(200).body("size", equalTo(100));
    }

    @Test
    void shouldRefuseASizeOf101() {
        isFieldError(search(Api.adminToken(), Map.of("size", 101)), "size");
    }

    @Test
    void shouldRefuseASizeOfZero() {
        isFieldError(search(Api.adminToken(), Map.of("size", 0)), "size");
    }

    @Test
    void shouldRefuseASizeThatIsNotANumber() {
        isFieldError(search(Api.adminToken(), Map.of("size", "abc")), "size");
    }

    @Test
    void shouldRefuseANegativePage() {
        isFieldError(search(Api.adminToken(), Map.of("page", -1)), "page");
    }

    @Test
    void shouldRefuseAPageThatIsNotANumber() {
        isFieldError(search(Api.adminToken(), Map.of("page", "first")), "page");
    }

    @Test
    void shouldMatchClientIdCaseInsensitively() {
        String admin = Api.adminToken();
        String term = ClientChecks.token("idcase");
        create(admin, "x-" + term + "-y");

        search(admin, term.toUpperCase())
                .statusCode(200)
                .body("items.clientId", contains("x-" + term + "-y"))
                .body("total", equalTo(1));
    }

    @Test
    void shouldMatchASubstringOfTheClientId() {
        String admin = Api.adminToken();
        String term = ClientChecks.token("sub");
        create(admin, "before-" + term + "-after");

        search(admin, term.substring(2, 9))
                .statusCode(200)
                .body("items.clientId", contains("before-" + term + "-after"));
    }

    @Test
    void shouldMatchNotesCaseInsensitively() {
        String admin = Api.adminToken();
        String term = ClientChecks.token("notes");
        String clientId = Api.unique("bynotes");
        create(admin, clientId, "Owned by the Treasury team, ticket " + term.toUpperCase() + ".");
        create(admin, Api.unique("other"), "Owned by someone else");

        search(admin, term)
                .statusCode(200)
                .body("items.clientId", contains(clientId))
                .body("items[0].notes", equalTo("Owned by the Treasury team, ticket " + term.toUpperCase() + "."))
                .body("total", equalTo(1));
    }

    @Test
    void shouldFindClientsMatchingByClientIdOrByNotes() {
        String admin = Api.adminToken();
        String term = ClientChecks.token("either");
        create(admin, "b-" + term);
        create(admin, "a-" + ClientChecks.token("n"), "see " + term);

        search(admin, term).statusCode(200).body("total", equalTo(2)).body("items", hasSize(2));
    }

    @Test
    void shouldTreatPercentInTheSearchLiterally() {
        String admin = Api.adminToken();
        String term = ClientChecks.token("pct");
        String literal = Api.unique("literal");
        create(admin, literal, "fee 50%" + term);
        create(admin, Api.unique("wildcard"), "fee 50x" + term);

        search(admin, "%" + term)
                .statusCode(200)
                .body("items.clientId", contains(literal))
                .body("total", equalTo(1));
    }

    @Test
    void shouldTreatUnderscoreInTheSearchLiterally() {
        String admin = Api.adminToken();
        String term = ClientChecks.token("und");
        create(admin, "p_" + term);
        create(admin, "px" + term);

        search(admin, "_" + term)
                .statusCode(200)
                .body("items.clientId", contains("p_" + term))
                .body("total", equalTo(1));
    }

    @Test
    void shouldTreatBackslashInTheSearchLiterally() {
        String admin = Api.adminToken();
        String term = ClientChecks.token("bsl");
        String literal = Api.unique("backslash");
        create(admin, literal, "path c:\\" + term);
        create(admin, Api.unique("plain"), "path c:" + term);

        search(admin, "\\" + term)
                .statusCode(200)
                .body("items.clientId", contains(literal))
                .body("total", equalTo(1));
    }

    @Test
    void shouldSortByClientIdByDefault() {
        String admin = Api.adminToken();
        String term = ClientChecks.token("defsort");
        create(admin, "b-" + term);
        create(admin, "c-" + term);
        create(admin, "a-" + term);

        search(admin, term).statusCode(200).body("items.clientId", contains("a-" + term, "b-" + term, "c-" + term));
    }

    @Test
    void shouldSortByClientId() {
        String admin = Api.adminToken();
        String term = ClientChecks.token("idsort");
        create(admin, "b-" + term);
        create(admin, "c-" + term);
        create(admin, "a-" + term);

        search(admin, Map.of("q", term, "sort", "clientId"))
                .statusCode(200)
                .body("items.clientId", contains("a-" + term, "b-" + term, "c-" + term));
    }

    @Test
    void shouldSortByClientIdDescending() {
        String admin = Api.adminToken();
        String term = ClientChecks.token("iddesc");
        create(admin, "b-" + term);
        create(admin, "c-" + term);
        create(admin, "a-" + term);

        search(admin, Map.of("q", term, "sort", "-clientId"))
                .statusCode(200)
                .body("items.clientId", contains("c-" + term, "b-" + term, "a-" + term));
    }

    @Test
    void shouldSortByExpiryDate() {
        String admin = Api.adminToken();
        String term = ClientChecks.token("expsort");
        LocalDate today = todayUtc();
        create(admin, "a-" + term, today.plusDays(30));
        create(admin, "b-" + term, today.plusDays(10));
        create(admin, "c-" + term, today.plusDays(20));

        search(admin, Map.of("q", term, "sort", "expiryDate"))
                .statusCode(200)
                .body("items.clientId", contains("b-" + term, "c-" + term, "a-" + term));
        search(admin, Map.of("q", term, "sort", "-expiryDate"))
                .statusCode(200)
                .body("items.clientId", contains("a-" + term, "c-" + term, "b-" + term));
    }

    @Test
    void shouldSortByCreatedAt() {
        String admin = Api.adminToken();
        String term = ClientChecks.token("crsort");
        create(admin, "a-" + term);
        create(admin, "b-" + term);
        create(admin, "c-" + term);
        ClientChecks.setCreatedAt(database, "a-" + term, Instant.parse("2024-03-01T10:00:00Z"));
        ClientChecks.setCreatedAt(database, "b-" + term, Instant.parse("2024-01-01T10:00:00Z"));
        ClientChecks.setCreatedAt(database, "c-" + term, Instant.parse("2024-02-01T10:00:00Z"));

        search(admin, Map.of("q", term, "sort", "createdAt"))
                .statusCode(200)
                .body("items.clientId", contains("b-" + term, "c-" + term, "a-" + term))
                .body("items[0].createdAt", equalTo("2024-01-01T10:00:00Z"));
        search(admin, Map.of("q", term, "sort", "-createdAt"))
                .statusCode(200)
                .body("items.clientId", contains("a-" + term, "c-" + term, "b-" + term));
    }

    @Test
    void shouldSortByLastUsedAt() {
        String admin = Api.adminToken();
        String term = ClientChecks.token("lusort");
        create(admin, "a-" + term);
        create(admin, "b-" + term);
        create(admin, "c-" + term);
        ClientChecks.setLastUsedAt(database, "a-" + term, Instant.parse("2025-06-03T08:00:00Z"));
        ClientChecks.setLastUsedAt(database, "b-" + term, Instant.parse("2025-06-01T08:00:00Z"));
        ClientChecks.setLastUsedAt(database, "c-" + term, Instant.parse("2025-06-02T08:00:00Z"));

        search(admin, Map.of("q", term, "sort", "lastUsedAt"))
                .statusCode(200)
                .body("items.clientId", contains("b-" + term, "c-" + term, "a-" + term))
                .body("items[0].lastUsedAt", equalTo("2025-06-01T08:00:00Z"));
        search(admin, Map.of("q", term, "sort", "-lastUsedAt"))
                .statusCode(200)
                .body("items.clientId", contains("a-" + term, "c-" + term, "b-" + term));
    }

    @Test
    void shouldSortTheWholeResultBeforePaging() {
        String admin = Api.adminToken();
        String term = ClientChecks.token("sortpage");
        create(admin, "a-" + term);
        create(admin, "b-" + term);
        create(admin, "c-" + term);

        search(admin, Map.of("q", term, "sort", "-clientId", "size", 2, "page", 1))
                .statusCode(200)
                .body("items.clientId", contains("a-" + term))
                .body("total", equalTo(3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "notes", "--clientId", "clientId,expiryDate", "secretDigest", "-"})
    void shouldRefuseAnUnknownSort(String sort) {
        isFieldError(search(Api.adminToken(), Map.of("sort", sort)), "sort");
    }
}
