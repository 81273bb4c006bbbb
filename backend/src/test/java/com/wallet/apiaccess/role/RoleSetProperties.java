package com.wallet.apiaccess.role;

import com.wallet.apiaccess.config.ApiAccessConfig;
import com.wallet.apiaccess.problem.FieldError;
import com.wallet.apiaccess.support.Seeded;
import com.wallet.apiaccess.support.Seeded.Case;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SortedSet;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Seeded random cases (see {@link Seeded}): {@code -Dproperties.seed=} replays a run. */
@Tag("unit")
class RoleSetProperties {

    private static final List<String> RESOURCES = List.of("accounts", "payments", "users", "api-access");
    private static final RoleCatalogue CATALOGUE = catalogue();
    private static final List<String> ROLES = List.copyOf(CATALOGUE.roles());
    private static final List<String> LOOKALIKES = List.of("accounts:write", "ACCOUNTS:READ", "x:change");
    private static final List<String> UNKNOWN_EDGES = List.of(
            "",
            " ",
            "accounts",
            ":read",
            ":change",
            "accounts:",
            "accounts:read ",
            " accounts:read",
            "accounts:read\u0000",
            "accounts:Read",
            "accounts:change:read",
            "api-access:change\n",
            "accounts\u2028:read",
            "\u0430ccounts:read",
            "users:change\ud800");

    @Test
    void shouldAlwaysHoldViewWhereItHoldsChange() {
        Seeded.forAll(knownRoles(), req -> {
            SortedSet<String> roles = RoleSet.normalise(req, CATALOGUE, "roles", new ArrayList<>());

            roles.stream()
                    .filter(r -> r.endsWith(":change"))
                    .forEach(change -> assertThat(roles).contains(change.replace(":change", ":read")));
            assertThat(roles).containsAll(req);
            assertThat(CATALOGUE.roles()).containsAll(roles);
        });
    }

    @Test
    void shouldBeIdempotent() {
        Seeded.forAll(knownRoles(), req -> {
            SortedSet<String> once = RoleSet.normalise(req, CATALOGUE, "roles", new ArrayList<>());
            SortedSet<String> twice = RoleSet.normalise(List.copyOf(once), CATALOGUE, "roles", new ArrayList<>());

            assertThat(twice).isEqualTo(once);
        });
    }

    @Test
    void shouldNameEveryUnknownRoleByItsIndex() {
        Seeded.forAll(mixedRoles(), req -> {
            List<FieldError> errors = new ArrayList<>();
            RoleSet.normalise(req, CATALOGUE, "roles", errors);

            for (int i = 0; i < req.size(); i++) {
                String field = "roles[" + i + "]";
                boolean unknown = !CATALOGUE.isKnown(req.get(i));
                assertThat(errors.stream().anyMatch(e -> e.field().equals(field)))
                        .isEqualTo(unknown);
            }
            assertThat(errors.stream().anyMatch(e -> e.field().equals("roles"))).isEqualTo(req.isEmpty());
        });
    }

    /** Each role alone, all of them, all changes, all reads, repeats; then 1 to 10 random known roles. */
    static Stream<Case<List<String>>> knownRoles() {
        List<List<String>> edges = new ArrayList<>();
        for (String role : ROLES) {
            edges.add(List.of(role));
        }
        List<String> reversed = new ArrayList<>(ROLES);
        Collections.reverse(reversed);
        edges.add(ROLES);
        edges.add(reversed);
        edges.add(ROLES.stream().filter(r -> r.endsWith(":change")).toList());
        edges.add(ROLES.stream().filter(r -> r.endsWith(":read")).toList());
        edges.add(Collections.nCopies(10, "api-access:change"));
        edges.add(List.of("accounts:change", "accounts:read", "accounts:change"));
        return Seeded.cases(1000, random -> list(random, 1, 10, r -> Seeded.pick(r, ROLES)), edges);
    }

    /** None, each unknown or look-alike alone, unknowns among known roles; then up to 8 random ones of any kind. */
    static Stream<Case<List<String>>> mixedRoles() {
        List<List<String>> edges = new ArrayList<>();
        edges.add(List.of());
        for (String role : Seeded.concat(LOOKALIKES, UNKNOWN_EDGES)) {
            edges.add(List.of(role));
            edges.add(List.of("accounts:change", role, "users:read"));
        }
        edges.add(UNKNOWN_EDGES.subList(0, 8));
        edges.add(List.of("payments:read", "", "payments:read", "x:change", "users:change", "ACCOUNTS:READ"));
        return Seeded.cases(1000, random -> list(random, 0, 8, RoleSetProperties::anyRole), edges);
    }

    private static String anyRole(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> Seeded.pick(random, ROLES);
            case 1 -> Seeded.string(random, 0, 20, true);
            default -> Seeded.pick(random, LOOKALIKES);
        };
    }

    private static List<String> list(Random random, int min, int max, Function<Random, String> element) {
        int size = Seeded.length(random, min, max);
        List<String> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(element.apply(random));
        }
        return List.copyOf(list);
    }

    private static RoleCatalogue catalogue() {
        ApiAccessConfig config = mock(ApiAccessConfig.class);
        List<ApiAccessConfig.Resource> resources = new ArrayList<>();
        for (String id : RESOURCES) {
            ApiAccessConfig.Resource resource = mock(ApiAccessConfig.Resource.class);
            when(resource.id()).thenReturn(id);
            when(resource.name()).thenReturn(id);
            when(resource.description()).thenReturn("");
            resources.add(resource);
        }
        when(config.resources()).thenReturn(resources);
        return new RoleCatalogue(config);
    }
}
