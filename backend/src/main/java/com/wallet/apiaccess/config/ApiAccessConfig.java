package com.wallet.apiaccess.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every {@code api-access.*} setting; README.md documents each one. */
@ConfigMapping(prefix = "api-access")
public interface ApiAccessConfig {

    /** Public base URL that tokens ({@code iss}) and the metadata name. */
    String issuer();

    Token token();

    Session session();

    Password password();

    Jwt jwt();

    Bootstrap bootstrap();

    Platform platform();

    Throttle throttle();

    Http http();

    Database database();

    Crypto crypto();

    Search search();

    Expiry expiry();

    Rotation rotation();

    Handoff handoff();

    Audit audit();

    Webhooks webhooks();

    /** Key of the HMAC that digests client secrets; without it secrets are digested with plain SHA-256. */
    @WithName("secret-pepper")
    Optional<String> secretPepper();

    /**
     * Lets the prod profile start with what is only fit for development: a generated signing key,
     * no secret pepper, a weak bootstrap password. Off by default.
     */
    @WithName("allow-insecure-defaults")
    @WithDefault("false")
    boolean allowInsecureDefaults();

    /** The permissions grid. */
    List<Resource> resources();

    interface Token {
        @WithDefault("wallet-api")
        String audience();

        @WithDefault("PT15M")
        Duration lifetime();

        /**
         * How long the token endpoint may reuse a client it looked up. Changes made through this
         * instance take effect at once; this bounds how long another replica may lag.
         */
        @WithName("client-cache-ttl")
        @WithDefault("PT30S")
        Duration clientCacheTtl();

        /**
         * How long, from its headers, the token endpoint waits for a request's body; past it the
         * request gets 400 {@code invalid_request} and its connection is closed.
         */
        @WithName("body-timeout")
        @WithDefault("PT10S")
        Duration bodyTimeout();

        /** Token requests whose bodies may be being read at once; more get 503 at once. */
        @WithName("max-body-reads")
        @WithDefault("1000")
        int maxBodyReads();

        /**
         * Revoked tokens each replica holds in memory; past it (a client may revoke every token it
         * obtains) revocations are checked in the database until enough have expired.
         */
        @WithName("max-revoked-in-memory")
        @WithDefault("200000")
        int maxRevokedInMemory();
    }

    interface Session {
        @WithDefault("PT30M")
        Duration lifetime();

        /**
         * The session tokens' {@code aud}: never the access tokens' audience, so that no wallet API
         * checking {@code aud} accepts a console session.
         */
        @WithDefault("api-access-console")
        String audience();
    }

    interface Password {
        @WithName("bcrypt-cost")
        @WithDefault("12")
        int bcryptCost();

        /** Password checks and hashes waiting for a bcrypt thread; past this a sign-in answers 503 at once. */
        @WithName("max-queued")
        @WithDefault("32")
        int maxQueued();
    }

    interface Jwt {
        /** PEM file holding the signing private key (PKCS#8) and its public key. */
        @WithName("sign-key-location")
        Optional<String> signKeyLocation();

        /** The same PEM text given inline, for instance from an environment variable. */
        @WithName("sign-key")
        Optional<String> signKey();

        /**
         * PEM files with the public keys of earlier signing keys, published in the JWKS and accepted
         * on {@code /api} until their tokens have expired: the rotation runbook in docs/operations.md.
         */
        @WithName("previous-public-key-locations")
        Optional<List<String>> previousPublicKeyLocations();
    }

    interface Bootstrap {
        @WithName("wallet-key")
        Optional<String> walletKey();

        @WithName("wallet-name")
        Optional<String> walletName();

        @WithName("admin-username")
        Optional<String> adminUsername();

        @WithName("admin-password")
        Optional<String> adminPassword();
    }

    interface Platform {
        /** Bearer token of the platform operator; without it the platform endpoints do not exist. */
        @WithName("operator-token")
        Optional<String> operatorToken();
    }

    /** Failed sign-ins and client authentications, counted in fixed windows. */
    interface Throttle {
        @WithDefault("PT1M")
        Duration window();

        /** Failures from one source address, whatever it tried, before it gets 429. */
        @WithName("max-failures-per-source")
        @WithDefault("100")
        int maxFailuresPerSource();

        /** Failures from one source for one client id or username before it gets 429. */
        @WithName("max-failures-per-identifier")
        @WithDefault("20")
        int maxFailuresPerIdentifier();

        /** Failures for one client id or username from all sources together before it gets 429. */
        @WithName("max-failures-per-account")
        @WithDefault("500")
        int maxFailuresPerAccount();

        /** How many counters the throttle keeps at most; the least used go first when it is full. */
        @WithName("max-tracked")
        @WithDefault("100000")
        int maxTracked();
    }

    interface Http {
        /**
         * Addresses or CIDR ranges of the proxies in front of the service. Only from these is
         * {@code X-Forwarded-For} believed: the client is the right-most address in it that is not one
         * of them. Empty: the connection's own address is the client's.
         */
        @WithName("trusted-proxies")
        Optional<List<String>> trustedProxies();
    }

    interface Crypto {
        /** {@code auto}: AWS-LC (Amazon Corretto Crypto Provider) where it loads, else the JDK's; {@code jdk}: the JDK's. */
        @WithDefault("auto")
        String provider();
    }

    interface Expiry {
        /** A client whose expiry date is fewer than this many days after today is {@code expiring}. */
        @WithDefault("30")
        int warnDays();

        /** The latest expiry date a new client may have, in days from today. */
        @WithDefault("397")
        int maxDays();
    }

    interface Rotation {
        /**
         * How long the older secret of a rotation must have gone unused, once the newer one has obtained
         * a token, before it retires by itself. At least 5 minutes: last use is recorded a minute late.
         */
        @WithDefault("PT1H")
        Duration idleWindow();

        /** How often each replica looks for secrets due to retire. */
        @WithDefault("PT30S")
        Duration sweepEvery();
    }

    interface Audit {
        /** How long audit events are kept; older ones are pruned in the background, in batches. */
        @WithDefault("P400D")
        Duration retention();

        /**
         * How often each replica writes the failed sign-ins and client authentications it has counted:
         * one row per target and minute, however many the attempts.
         */
        @WithDefault("PT5S")
        Duration flushEvery();

        /** How often each replica prunes events past the retention. */
        @WithDefault("PT1H")
        Duration pruneEvery();
    }

    interface Handoff {
        /** How long a one-time secret link stays valid. */
        @WithDefault("PT72H")
        Duration lifetime();
    }

    interface Webhooks {
        /** Lets endpoints use http and private, loopback or link-local addresses: tests, private networks. */
        @WithDefault("false")
        boolean allowPrivate();

        /** How often each replica looks for deliveries that are due. */
        @WithDefault("PT1S")
        Duration pollEvery();

        /** The waits between attempts; after the last one fails the delivery is failed. */
        @WithDefault("PT5S,PT5M,PT30M,PT2H,PT5H,PT10H,PT6H")
        List<Duration> retryDelays();

        /** How long one attempt may take, connection included. */
        @WithDefault("PT10S")
        Duration timeout();

        /** Deliveries one replica attempts at once. */
        @WithDefault("16")
        int maxConcurrent();

        /**
         * Key (any text of 16+ characters) that encrypts the endpoints' signing secrets at rest; without
         * it they are encrypted under a key derived from {@code api-access.secret-pepper}.
         */
        Optional<String> secretKey();

        /** How often the expiry notices (client.expiring, client.expired) are looked for; also at start. */
        @WithDefault("PT1H")
        Duration expiryCheckEvery();
    }

    interface Search {
        /**
         * How many clients, over all wallets, this replica keeps searchable in memory (about 60 bytes
         * each); a wallet beyond what is left is searched in PostgreSQL. 0 searches every wallet there.
         */
        @WithName("indexed-clients")
        @WithDefault("200000")
        int indexedClients();
    }

    interface Database {
        /** How long to wait to connect, or for a free connection, before answering 503. */
        @WithDefault("PT1S")
        Duration timeout();
    }

    interface Resource {
        String id();

        String name();

        @WithDefault("")
        String description();
    }
}
