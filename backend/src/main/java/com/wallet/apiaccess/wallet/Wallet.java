package com.wallet.apiaccess.wallet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A tenant: its users and API clients belong to it alone. */
@Entity
@Table(name = "wallet")
public class Wallet {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "external_key", nullable = false, length = 32)
    public String externalKey;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
