package com.wallet.apiaccess.audit;

import com.wallet.apiaccess.support.Api;
import com.wallet.apiaccess.support.PostgresTestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.wallet.apiaccess.audit.Audit.actions;
import static com.wallet.apiaccess.audit.Audit.changes;
import static com.wallet.apiaccess.audit.Audit.events;
import static org.assertj.core.api.Assertions.assertThat;

/** The event commits with its change: none for a refused or rolled-back one, one for each of racing ones. */
@QuarkusTest
class AuditAtomicityTest {

    @ConfigProperty(name = "test.database.name")
    String database;

    @Test
    void shouldWriteNoEventForAChangeThatDidNotHappen() {
        String admin = Api.adminToken();
        String clientId = Api.unique("atom");
        Api.createClient(admin, clientId, List.of("accounts:read"));

        // rolled back in the database: the second insert of the same id
        Api.as(admin)
                .body(Map.of("clientId", clientId, "roles", List.of("accounts:read")))
                .post("/api/clients")
                .then()
                .statusCode(409);
        // refused by the rules: granting what the caller does not hold, a bad body, a client of no one
        String limited = Api.userWithRoles(List.of("api-access:change", "accounts:read"));
        Api.as(limited)
                .body(Map.of("roles", List.of("payments:change")))
                .put("/api/clients/" + clientId)
                .then()
                .statusCode(403);
        Api.as(admin)
                .body(Map.of("roles", List.of("accounts:read"), "notes", "x".repeat(1001)))
                .put("/api/clients/" + clientId)
                .then()
                .statusCode(400);
        Api.as(admin).delete("/api/clients/" + Api.unique("nobody")).then().statusCode(404);
        // the wallet's last administrator cannot be demoted: the user change rolls back
        String lone = Api.userWithRoles(List.of("accounts:read"));
        Api.as(lone)
                .body(Map.of("roles", List.of()))
                .put("/api/users/" + Api.ADMIN)
                .then()
                .statusCode(403);

        assertThat(actions(events(admin, "clientId=" + clientId))).containsExactly("client.created");
        assertThat(events(admin, "username=" + Api.ADMIN + "&action=user.updated"))
                .noneMatch(event -> "user".equals(Audit.part(event, "target").get("type"))
                        && Api.ADMIN.equals(Audit.part(event, "target").get("id"))
                        && changes(event) != null
                        && changes(event).containsKey("roles"));
    }

    /** The event's insert fails (a trigger refuses it): the change it records must not commit either. */
    @Test
    void shouldNotCommitAChangeWhoseEventCouldNotBeWritten() throws Exception {
        String admin = Api.adminToken();
        String clientId = Api.unique("atom-fail");
        try (Connection db = PostgresTestDatabase.connect(database);
                Statement sql = db.createStatement()) {
            sql.execute("create function refuse_event() returns trigger language plpgsql as $$ begin"
                    + " if new.target_id like 'atom-fail-%' then raise exception 'refused for the test'; end if;"
                    + " return new; end $$");
            sql.execute("create trigger refuse_event before insert on audit_event for each row"
                    + " execute function refuse_event()");
            try {
                int status = Api.as(admin)
                        .body(Map.of("clientId", clientId, "roles", List.of("accounts:read")))
                        .post("/api/clients")
                        .then()
                        .extract()
                        .statusCode();
                assertThat(status).isGreaterThanOrEqualTo(500);
            } finally {
                sql.execute("drop trigger refuse_event on audit_event");
                sql.execute("drop function refuse_event()");
            }
        }
        Api.as(admin).get("/api/clients/" + clientId).then().statusCode(404);
        assertThat(events(admin, "clientId=" + clientId)).isEmpty();
    }

    @Test
    void shouldWriteOneEventForEachOfTwentyRacingEdits() throws Exception {
        String admin = Api.adminToken();
        String clientId = Api.unique("race");
        Api.createClient(admin, clientId, List.of("accounts:read"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> edits = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String notes = "edit " + i;
                edits.add(() -> Api.as(admin)
                        .body(Map.of("roles", List.of("accounts:read"), "notes", notes))
                        .put("/api/clients/" + clientId)
                        .then()
                        .extract()
                        .statusCode());
            }
            for (Future<Integer> done : pool.invokeAll(edits)) {
                assertThat(done.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }

        List<Map<String, Object>> updates = events(admin, "clientId=" + clientId + "&action=client.updated");
        assertThat(updates).hasSize(20);
        // serialised by the row lock: each edit's "from" is the "to" of the one before it
        List<Map<String, Object>> oldestFirst = new ArrayList<>(updates);
        java.util.Collections.reverse(oldestFirst);
        Object previous = null;
        for (Map<String, Object> update : oldestFirst) {
            @SuppressWarnings("unchecked")
            Map<String, Object> notes = (Map<String, Object>) changes(update).get("notes");
            assertThat(notes.get("from")).isEqualTo(previous);
            previous = notes.get("to");
        }
    }
}
