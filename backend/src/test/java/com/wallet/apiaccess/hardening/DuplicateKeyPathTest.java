package com.wallet.apiaccess.hardening;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wallet.apiaccess.config.StrictJson;
import com.wallet.apiaccess.problem.FieldError;
import com.wallet.apiaccess.problem.Problem;
import com.wallet.apiaccess.problem.ProblemMapper;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A duplicate key deep in a body is named by its path, as the other field errors are ({@code a.b}, {@code a[1].b}). */
@Tag("unit")
class DuplicateKeyPathTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        new StrictJson().customize(MAPPER);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"a\": 1, \"a\": 2}                                      | a",
                "{\"a\": {\"b\": 1, \"b\": 2}}                             | a.b",
                "{\"a\": {\"b\": {\"c\": 1, \"d\": 2, \"c\": 3}}}          | a.b.c",
                "{\"a\": [{\"b\": 1}, {\"b\": 1, \"b\": 2}]}               | a[1].b",
                "{\"x\": 0, \"a\": [[1], [{\"b\": 1, \"b\": 2}]]}          | a[1][0].b",
                "[{\"b\": 1, \"b\": 2}]                                    | [0].b",
            })
    void shouldNameTheDuplicateKeyByItsPath(String json, String path) {
        for (Class<?> target : List.of(Map.class, Object.class, com.fasterxml.jackson.databind.JsonNode.class)) {
            if (json.startsWith("[") && target == Map.class) {
                continue;
            }
            JsonProcessingException failure =
                    assertThrows(JsonProcessingException.class, () -> MAPPER.readValue(json, target));
            Problem problem =
                    (Problem) new ProblemMapper().malformedJson(failure).getEntity();
            assertEquals(400, problem.status());
            assertEquals(List.of(new FieldError(path, "appears more than once")), problem.errors(), json);
            assertTrue(problem.detail().contains("'" + path + "'"), problem.detail());
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"{\"a\": 1,, \"b\": 2}", "{\"a\": 1", "{\"a\" 1}", "{\"Duplicate field\": 1 2}"})
    void shouldNotMistakeOtherBrokenJsonForADuplicate(String json) {
        JsonProcessingException failure =
                assertThrows(JsonProcessingException.class, () -> MAPPER.readValue(json, Map.class));
        Response response = new ProblemMapper().malformedJson(failure);
        Problem problem = (Problem) response.getEntity();
        assertEquals(400, problem.status());
        assertEquals(null, problem.errors(), json);
    }
}
