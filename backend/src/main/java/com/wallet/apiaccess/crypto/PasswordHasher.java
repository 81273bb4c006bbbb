package com.wallet.apiaccess.crypto;

import com.wallet.apiaccess.config.ApiAccessConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

import java.security.GeneralSecurityException;
import java.security.Provider;

/** bcrypt for users' passwords. Both methods take tens of milliseconds: never call them on the event loop. */
@ApplicationScoped
public class PasswordHasher {

    private static final Provider PROVIDER = new WildFlyElytronPasswordProvider();

    private final int cost;
    /** Verified against when the user does not exist, so that time does not tell who exists. */
    private final String decoy;

    public PasswordHasher(ApiAccessConfig config) {
        this.cost = config.password().bcryptCost();
        this.decoy = BcryptUtil.bcryptHash("decoy password, never matches", cost);
    }

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    public boolean matches(String password, String hash) {
        String stored = hash == null ? decoy : hash;
        try {
            Password raw = ModularCrypt.decode(stored);
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT, PROVIDER);
            Password restored = factory.translate(raw);
            return factory.verify(restored, password.toCharArray()) && hash != null;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
