package com.wallet.apiaccess.crypto;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import com.wallet.apiaccess.config.ApiAccessConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.security.Signature;

/**
 * Chooses who computes signatures: AWS-LC through the Amazon Corretto Crypto Provider where it loads
 * (an ES256 signature in ~12 µs, cheap enough for the event loop), else the JDK's provider (100-400 µs,
 * which belongs on a worker). Says which at start and in the metric {@code api_access_crypto_provider}.
 */
@Startup
@ApplicationScoped
public class CryptoProvider {

    private static final Logger LOG = Logger.getLogger(CryptoProvider.class);

    private final boolean awsLc;
    private final String name;

    public CryptoProvider(ApiAccessConfig config, MeterRegistry registry) {
        this.awsLc = "auto".equalsIgnoreCase(config.crypto().provider()) && installAwsLc();
        this.name = signingProvider();
        LOG.infof(
                "Signatures computed by %s%s",
                name, awsLc ? " (AWS-LC), inline on the event loop" : ", on a worker pool");
        Gauge.builder("api_access_crypto_provider", () -> 1)
                .description("The JCA provider that signs tokens")
                .tag("provider", name)
                .register(registry);
    }

    /** True when a signature is cheap enough to compute on the event loop. */
    public boolean signsInline() {
        return awsLc;
    }

    /** True when AWS-LC checks signatures of this JCA algorithm, cheap enough for the event loop. */
    public boolean verifiesInline(String jcaAlgorithm) {
        if (!awsLc) {
            return false;
        }
        try {
            return Signature.getInstance(jcaAlgorithm).getProvider() == AmazonCorrettoCryptoProvider.INSTANCE;
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }

    private static String signingProvider() {
        try {
            return Signature.getInstance("SHA256withECDSA").getProvider().getName();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("No provider computes ES256 signatures", e);
        }
    }

    private static boolean installAwsLc() {
        try {
            Throwable error = AmazonCorrettoCryptoProvider.INSTANCE.getLoadingError();
            if (error != null) {
                LOG.infof("AWS-LC is not available here (%s); using the JDK's provider", error.getMessage());
                return false;
            }
            AmazonCorrettoCryptoProvider.install();
            AmazonCorrettoCryptoProvider.INSTANCE.assertHealthy();
            return true;
        } catch (Throwable e) {
            LOG.infof("AWS-LC could not be installed (%s); using the JDK's provider", e.toString());
            return false;
        }
    }
}
