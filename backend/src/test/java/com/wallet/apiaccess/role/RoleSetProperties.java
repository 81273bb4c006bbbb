package com.wallet.apiaccess.role;

import com.wallet.apiaccess.config.ApiAccessConfig;
import com.wallet.apiaccess.problem.FieldError;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class RoleSetProperties {

    private static final List<String> RESOURCES = List.of("accounts", "payments", "users", "api-access");
    private final RoleCatalogue catalogue = catalogue();

    @Property
    void shouldAlwaysHoldViewWhereItHoldsChange(@ForAll("knownRoles") List<String> requested) {
        SortedSet<String> roles = RoleSet.normalise(requested, catalogue, "roles", new ArrayList<>());

        roles.stream().filter(r -> r.endsWith(":change"))
                .forEach(change -> assertThat(roles).contains(change.replace(":change", ":read")));
        assertThat(roles).containsAll(requested);
        assertThat(catalogue.roles()).containsAll(roles);
    }

    @Property
    void shouldBeIdempotent(@ForAll("knownRoles") List<String> requested) {
        SortedSet<String> once = RoleSet.normalise(requested, catalogue, "roles", new ArrayList<>());
        SortedSet<String> twice = RoleSet.normalise(List.copyOf(once), catalogue, "roles", new ArrayList<>());

        assertThat(twice).isEqualTo(once);
    }

    @Property
    void shouldNameEveryUnknownRoleByItsIndex(@ForAll("mixedRoles") List<String> requested) {
        List<FieldError> errors = new ArrayList<>();
        RoleSet.normalise(requested, catalogue, "roles", errors);

        for (int i = 0; i < requested.size(); i++) {
            String field = "roles[" + i + "]";
            boolean unknown = !catalogue.isKnown(requested.get(i));
            assertThat(errors.stream().anyMatch(e -> e.field().equals(field))).isEqualTo(unknown);
        }
        assertThat(errors.stream().anyMatch(e -> e.field().equals("roles"))).isEqualTo(requested.isEmpty());
    }

    @Provide
    Arbitrary<List<String>> knownRoles() {
        return Arbitraries.of(List.copyOf(catalogue.roles())).list().ofMinSize(1).ofMaxSize(10);
    }

    @Provide
    Arbitrary<List<String>> mixedRoles() {
        Arbitrary<String> anything = Arbitraries.oneOf(Arbitraries.of(List.copyOf(catalogue.roles())),
                Arbitraries.strings().ofMaxLength(20), Arbitraries.of("accounts:write", "ACCOUNTS:READ", "x:change"));
        return anything.list().ofMaxSize(8);
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
