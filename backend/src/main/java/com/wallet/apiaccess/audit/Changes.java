package com.wallet.apiaccess.audit;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Collection;
import java.util.Objects;
import java.util.TreeSet;

/** What an event changed: role diffs as added and removed, other fields as from and to; only what differs. */
public final class Changes {

    private final JsonObject json = new JsonObject();

    private Changes() {}

    public static Changes of() {
        return new Changes();
    }

    public Changes roles(Collection<String> before, Collection<String> after) {
        TreeSet<String> added = new TreeSet<>(after);
        added.removeAll(before);
        TreeSet<String> removed = new TreeSet<>(before);
        removed.removeAll(after);
        if (!added.isEmpty() || !removed.isEmpty()) {
            json.put(
                    "roles",
                    new JsonObject()
                            .put("added", new JsonArray(added.stream().toList()))
                            .put("removed", new JsonArray(removed.stream().toList())));
        }
        return this;
    }

    public Changes value(String field, Object from, Object to) {
        if (!Objects.equals(from, to)) {
            json.put(field, new JsonObject().put("from", from).put("to", to));
        }
        return this;
    }

    /** A fact of the event that is not a before and after: a secret's id, a reason. */
    public Changes fact(String field, Object value) {
        json.put(field, value);
        return this;
    }

    public boolean isEmpty() {
        return json.isEmpty();
    }

    /** The changes, null when there are none. */
    public JsonObject json() {
        return json.isEmpty() ? null : json.copy();
    }
}
