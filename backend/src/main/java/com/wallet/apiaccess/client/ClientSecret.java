package com.wallet.apiaccess.client;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One secret of a client, held as a digest. A secret handed off by link has no digest until the
 * link is opened: until then it does not exist anywhere. A retired secret is deleted.
 */
@Entity
@Table(name = "client_secret")
public class ClientSecret {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "client_row_id", nullable = false)
    public Long clientRowId;

    @Column(name = "secret_id", nullable = false, length = 32)
    public String secretId;

    @Column(length = 100)
    public String digest;

    @Column(name = "credential_ref", length = 32)
    public String credentialRef;

    @Column(length = 32)
    public String hint;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "retires_at")
    public Instant retiresAt;

    @Column(name = "link_digest", length = 100)
    public String linkDigest;

    @Column(name = "link_expires_at")
    public Instant linkExpiresAt;

    @Column(name = "link_opened_at")
    public Instant linkOpenedAt;

    /** Whether it authenticates at {@code now}: it exists (its link was opened) and has not retired. */
    boolean isUsableAt(Instant now) {
        return digest != null && !hasRetiredAt(now);
    }

    /** Whether it still counts as one of the client's secrets: usable, or a link that may still be opened. */
    boolean isLiveAt(Instant now) {
        return !hasRetiredAt(now) && (digest != null || linkExpiresAt.isAfter(now));
    }

    /** Whether its {@code retiresAt} has come. */
    boolean hasRetiredAt(Instant now) {
        return retiresAt != null && !retiresAt.isAfter(now);
    }
}
