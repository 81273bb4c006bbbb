package com.wallet.apiaccess.support;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Puts every Quarkus test of this module on one throwaway database (see {@link PostgresTestDatabase}). */
@WithTestResource(value = PostgresTestDatabase.class, scope = TestResourceScope.GLOBAL)
public final class TestDatabase {

    private TestDatabase() {}
}
