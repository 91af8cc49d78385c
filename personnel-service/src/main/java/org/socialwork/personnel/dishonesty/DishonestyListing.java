package org.socialwork.personnel.dishonesty;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A listing on the dishonesty list (失信名单): effective until it expires or an admin delists it. */
@Entity
@Table(name = "dishonesty_listing")
public class DishonestyListing {

    @Id
    public UUID id;

    @Column(name = "worker_id")
    public UUID workerId;

    public String reason;

    @Column(name = "listed_on")
    public LocalDate listedOn;

    @Column(name = "expires_on")
    public LocalDate expiresOn;

    @Column(name = "listed_by")
    public String listedBy;

    @Column(name = "delisted_on")
    public LocalDate delistedOn;

    @Column(name = "delist_reason")
    public String delistReason;

    @Column(name = "delisted_by")
    public String delistedBy;

    /** Set once the worker was re-announced after the listing lapsed (or when it was recorded already lapsed). */
    @Column(name = "expiry_announced")
    public boolean expiryAnnounced;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
