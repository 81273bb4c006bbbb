package com.wallet.apiaccess.client;

import com.wallet.apiaccess.role.RolesConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.SortedSet;

/** An OAuth client of one wallet. Its secrets are {@link ClientSecret} rows. */
@Entity
@Table(name = "api_client")
public class ApiClient {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "wallet_id", nullable = false)
    public Long walletId;

    @Column(name = "client_id", nullable = false, length = 64)
    public String clientId;

    @Convert(converter = RolesConverter.class)
    @Column(nullable = false, columnDefinition = "text")
    public SortedSet<String> roles;

    @Column(name = "expiry_date", nullable = false)
    public LocalDate expiryDate;

    @Column(length = 1000)
    public String notes;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(nullable = false)
    public boolean enabled = true;

    @Column(name = "require_dpop", nullable = false)
    public boolean requireDpop;

    public Expiry expiry() {
        return new Expiry(expiryDate);
    }
}
