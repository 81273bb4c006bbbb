package com.wallet.apiaccess.oauth;

import com.wallet.apiaccess.oauth.Introspection.Holder;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static com.wallet.apiaccess.auth.Bearer.assertInvalidToken;
import static com.wallet.apiaccess.auth.Bearer.listClientsWith;
import static com.wallet.apiaccess.oauth.Introspection.assertInactive;
import static com.wallet.apiaccess.oauth.Introspection.introspect;
import static com.wallet.apiaccess.oauth.Introspection.isActive;
import static com.wallet.apiaccess.oauth.Introspection.revoke;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * A client that revokes more tokens than memory holds (here two) neither runs the replica out of memory
 * nor gets a revoked token accepted: past the bound revocations are checked in the database.
 */
@QuarkusTest
@TestProfile(RevocationFloodTest.TwoInMemory.class)
class RevocationFloodTest {

    public static class TwoInMemory implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("api-access.token.max-revoked-in-memory", "2");
        }
    }

    @Test
    void shouldRefuseEveryRevokedTokenPastTheMemoryBound() {
        Holder client = Holder.create(List.of("api-access:read"));
        Holder resourceServer = Holder.create(List.of("accounts:read"));
        List<String> tokens =
                IntStream.range(0, 5).mapToObj(i -> client.token()).toList();
        String kept = client.token();

        for (String token : tokens) {
            revoke(client, token).then().statusCode(200);
        }

        for (String token : tokens) {
            assertInvalidToken(listClientsWith(token));
            assertInactive(introspect(resourceServer, token));
        }
        listClientsWith(kept).then().statusCode(200);
        assertThat(isActive(resourceServer, kept), is(true));
    }
}
