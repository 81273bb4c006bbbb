package com.wallet.apiaccess.bench;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * One ES256 access token, the JDK's provider against AWS-LC (Amazon Corretto Crypto Provider):
 * {@code rawSign} is the bare SHA256withECDSA signature of a token-sized payload, {@code mintToken}
 * the same token through a general JOSE library (jose4j: claims, header, JSON, base64url, signature).
 * The service takes neither path: it writes the JWS itself (crypto.TokenSigner, crypto.ClaimsJson),
 * so its cost is rawSign plus a few microseconds. The gap between the two rows is what that saves.
 * JMH forks one JVM per (benchmark, provider), so installing ACCP for one run leaves the others alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TokenMintBenchmark {

    private static final List<String> ROLES = List.of("accounts:read", "api-access:read", "payments:change", "payments:read");
    private static final String SCOPE = String.join(" ", ROLES);
    private static final String CLIENT_ID = "wallet-bench-bench-client";

    @Param({"jdk", "accp"})
    public String provider;

    private Signature signature;
    private PrivateKey privateKey;
    private String kid;
    private byte[] payload;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Provider selected;
        if (provider.equals("accp")) {
            Throwable loadingError = AmazonCorrettoCryptoProvider.INSTANCE.getLoadingError();
            if (loadingError != null) {
                throw new IllegalStateException("AWS-LC (ACCP) did not load on this platform: " + loadingError, loadingError);
            }
            AmazonCorrettoCryptoProvider.INSTANCE.assertHealthy();
            Security.insertProviderAt(AmazonCorrettoCryptoProvider.INSTANCE, 1);
            selected = AmazonCorrettoCryptoProvider.INSTANCE;
        } else if (provider.equals("jdk")) {
            selected = Security.getProvider("SunEC");
        } else {
            throw new IllegalArgumentException("provider must be jdk or accp, not " + provider);
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", selected);
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        privateKey = pair.getPrivate();
        kid = UUID.randomUUID().toString();

        signature = Signature.getInstance("SHA256withECDSA", selected);
        signature.initSign(privateKey);
        // About the size of a real token's signing input (header.claims, base64url).
        payload = mintToken().substring(0, mintToken().lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);

        // jose4j picks the provider through the JCA's preference order: prove it is the one under test.
        Provider used = Signature.getInstance("SHA256withECDSA").getProvider();
        if (provider.equals("accp") && used != AmazonCorrettoCryptoProvider.INSTANCE) {
            throw new IllegalStateException("SHA256withECDSA resolves to " + used.getName() + ", not ACCP");
        }
        verifyOnce(pair.getPublic(), selected);
        System.out.printf("%n[bench] provider=%s signature=%s key=%s java=%s%n", provider,
                signature.getProvider().getName(), privateKey.getClass().getSimpleName(), System.getProperty("java.version"));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (provider.equals("accp")) {
            Security.removeProvider(AmazonCorrettoCryptoProvider.INSTANCE.getName());
        }
    }

    @Benchmark
    public byte[] rawSign() throws Exception {
        signature.update(payload);
        return signature.sign();
    }

    @Benchmark
    public String mintToken() throws JoseException {
        long now = System.currentTimeMillis() / 1000;
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("http://localhost:8080");
        claims.setSubject(CLIENT_ID);
        claims.setAudience("wallet-api");
        claims.setClaim("iat", now);
        claims.setClaim("exp", now + 900);
        claims.setClaim("jti", UUID.randomUUID().toString());
        claims.setClaim("client_id", CLIENT_ID);
        claims.setClaim("scope", SCOPE);
        claims.setStringListClaim("groups", ROLES);
        claims.setClaim("wallet", "bench");
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        jws.setKeyIdHeaderValue(kid);
        jws.setHeader("typ", "at+jwt");
        jws.setKey(privateKey);
        return jws.getCompactSerialization();
    }

    private void verifyOnce(PublicKey publicKey, Provider selected) throws Exception {
        byte[] sig = rawSign();
        Signature verifier = Signature.getInstance("SHA256withECDSA", selected);
        verifier.initVerify(publicKey);
        verifier.update(payload);
        if (!verifier.verify(sig)) {
            throw new IllegalStateException("The " + provider + " signature does not verify");
        }
    }
}
