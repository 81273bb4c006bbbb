package com.wallet.apiaccess.client;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;

/** One public key of a client for {@code private_key_jwt}; {@code kid} is its RFC 7638 thumbprint. */
@Entity
@Table(name = "client_key")
public class ClientKey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "client_row_id", nullable = false)
    public Long clientRowId;

    @Column(nullable = false, length = 64)
    public String kid;

    @Column(nullable = false, length = 8)
    public String alg;

    /**
     * The JSON of the public members alone; jsonb in the table, text here (no JSON mapping of the ORM, whose
     * mapper would be the REST one); cast from text, or the pg client would send a JSON string.
     */
    @ColumnTransformer(read = "jwk::text", write = "cast(cast(? as text) as jsonb)")
    @Column(nullable = false, columnDefinition = "jsonb")
    public String jwk;

    @Column(name = "credential_ref", nullable = false, length = 32)
    public String credentialRef;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;
}
