package com.wallet.apiaccess.session;

import com.wallet.apiaccess.wallet.WalletView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Who the token belongs to, and what an integrator of this wallet needs to know. */
@Schema(requiredProperties = {"username", "wallet", "roles", "tokenEndpoint", "clientIdPrefix"})
public record MeView(
        String username, WalletView wallet, List<String> roles, String tokenEndpoint, String clientIdPrefix) {}
