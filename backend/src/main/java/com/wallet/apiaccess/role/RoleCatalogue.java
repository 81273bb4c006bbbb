package com.wallet.apiaccess.role;

import com.wallet.apiaccess.config.ApiAccessConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The configured resources of the permissions grid and the roles they yield. */
@Startup
@ApplicationScoped
public class RoleCatalogue {

    public static final String READ = ":read";
    public static final String CHANGE = ":change";
    private static final Pattern RESOURCE_ID = Pattern.compile("[a-z][a-z0-9-]{0,62}");

    private final List<ResourceView> resources;
    private final Set<String> roles;

    public RoleCatalogue(ApiAccessConfig config) {
        List<ResourceView> list = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (ApiAccessConfig.Resource r : config.resources()) {
            if (!RESOURCE_ID.matcher(r.id()).matches() || !ids.add(r.id())) {
                throw new IllegalStateException("api-access.resources: '" + r.id()
                        + "' is not a valid, unique resource id (lower case letters, digits and hyphens)");
            }
            list.add(new ResourceView(r.id(), r.name(), r.description()));
        }
        if (list.isEmpty()) {
            throw new IllegalStateException("api-access.resources must name at least one resource");
        }
        this.resources = List.copyOf(list);
        Set<String> all = new TreeSet<>();
        for (String id : ids) {
            all.add(id + READ);
            all.add(id + CHANGE);
        }
        this.roles = Collections.unmodifiableSet(all);
    }

    public List<ResourceView> resources() {
        return resources;
    }

    /** Every role, sorted. */
    public Set<String> roles() {
        return roles;
    }

    public boolean isKnown(String role) {
        return roles.contains(role);
    }
}
