package com.wallet.apiaccess.crypto;

/** Names of the claims and header values our tokens carry beyond the registered ones. */
public final class TokenClaims {

    public static final String ACCESS_TOKEN_TYPE = "at+jwt";
    public static final String WALLET = "wallet";
    public static final String SCOPE = "scope";
    public static final String CLIENT_ID = "client_id";
    public static final String GROUPS = "groups";
    /** See {@link CredentialRef}. */
    public static final String CREDENTIAL_REF = "credential_ref";
    /** RFC 7800 confirmation; a DPoP-bound token's holds {@code jkt} (RFC 9449 §6.1). */
    public static final String CONFIRMATION = "cnf";

    public static final String JWK_THUMBPRINT = "jkt";
    /** Marks a console sign-in; client access tokens do not carry it. */
    public static final String TOKEN_USE = "token_use";

    public static final String SESSION = "session";
    /** The {@code client_id} of session tokens: the admin console itself. */
    public static final String CONSOLE_CLIENT_ID = "api-access-console";

    private TokenClaims() {}
}
