package org.socialwork.platform.testapp;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "note")
public class Note {

    @Id
    public UUID id;

    public String text;

    public String region;

    @Version
    public long version;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
