package com.wallet.apiaccess.hardening;

import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.RepeatedTest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Edits and deletes of one client racing each other: every answer fits some serial order of the
 * same requests, and the final state is the one that order leaves.
 */
@QuarkusTest
class ConcurrentChangesTest {

    private static final int EDITS = 12;

    @RepeatedTest(3)
    void shouldAnswerRacingEditsAndADeleteAsSomeSerialOrderWould() throws Exception {
        String admin = Api.adminToken();
        String clientId = Api.unique("race");
        Api.createClient(admin, clientId, List.of("accounts:read"));

        List<Callable<Response>> requests = new ArrayList<>();
        for (int i = 0; i < EDITS; i++) {
            String notes = "edit " + i;
            requests.add(() -> Api.as(admin)
                    .body(Map.of("roles", List.of("payments:read"), "notes", notes))
                    .put("/api/clients/" + clientId));
        }
        requests.add(() -> Api.as(admin).delete("/api/clients/" + clientId));
        List<Response> answers = runTogether(requests);

        List<Integer> editStatuses =
                answers.subList(0, EDITS).stream().map(Response::statusCode).toList();
        assertThat(editStatuses).allSatisfy(status -> assertThat(status).isIn(200, 404));
        assertThat(answers.get(EDITS).statusCode()).isEqualTo(204);
        // an edit that succeeded came before the delete and shows its own write
        for (int i = 0; i < EDITS; i++) {
            if (answers.get(i).statusCode() == 200) {
                assertThat(answers.get(i).jsonPath().getString("notes")).isEqualTo("edit " + i);
                assertThat(answers.get(i).jsonPath().getList("roles")).containsExactly("payments:read");
            }
        }
        Api.as(admin).get("/api/clients/" + clientId).then().statusCode(404);
    }

    @RepeatedTest(3)
    void shouldLeaveTheStateOfTheLastSuccessfulEditAmongRacingEdits() throws Exception {
        String admin = Api.adminToken();
        String clientId = Api.unique("race");
        Api.createClient(admin, clientId, List.of("accounts:read"));

        List<Callable<Response>> requests = new ArrayList<>();
        for (int i = 0; i < EDITS; i++) {
            String notes = "edit " + i;
            List<String> roles = i % 2 == 0 ? List.of("cards:read") : List.of("cards:change");
            requests.add(() ->
                    Api.as(admin).body(Map.of("roles", roles, "notes", notes)).put("/api/clients/" + clientId));
        }
        List<Response> answers = runTogether(requests);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
        // as instants: ISO text drops a zero fraction, and "…:50Z" sorts after "…:50.157Z" as a string
        Response last = answers.stream()
                .max(Comparator.comparing(
                        (Response answer) -> Instant.parse(answer.jsonPath().getString("updatedAt"))))
                .orElseThrow();
        Response stored = Api.as(admin).get("/api/clients/" + clientId);
        String notes = stored.jsonPath().getString("notes");
        int index = Integer.parseInt(notes.substring("edit ".length()));
        assertThat(stored.jsonPath().getList("roles"))
                .as("roles and notes come from the same edit")
                .isEqualTo(index % 2 == 0 ? List.of("cards:read") : List.of("cards:change", "cards:read"));
        assertThat(stored.jsonPath().getString("updatedAt"))
                .isEqualTo(last.jsonPath().getString("updatedAt"));
    }

    @RepeatedTest(3)
    void shouldDeleteExactlyOnceAmongRacingDeletes() throws Exception {
        String admin = Api.adminToken();
        String clientId = Api.unique("race");
        Api.createClient(admin, clientId, List.of("accounts:read"));

        List<Callable<Response>> requests = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            requests.add(() -> Api.as(admin).delete("/api/clients/" + clientId));
        }
        List<Integer> statuses =
                runTogether(requests).stream().map(Response::statusCode).toList();

        assertThat(statuses).filteredOn(s -> s == 204).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 404).hasSize(9);
    }

    private static List<Response> runTogether(List<Callable<Response>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (Callable<Response> request : requests) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
