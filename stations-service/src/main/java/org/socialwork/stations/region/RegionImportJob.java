package org.socialwork.stations.region;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One run of the division-list import; the worker updates its counters as it goes. */
@Entity
@Table(name = "region_import_job")
public class RegionImportJob {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public RegionImportState state;

    /** UPLOAD or DIRECTORY. */
    public String source;

    @Column(name = "rows_total")
    public long rowsTotal;

    @Column(name = "rows_done")
    public long rowsDone;

    public long inserted;

    public long updated;

    public long unchanged;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    @Column(name = "error_key")
    public String errorKey;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "error_args")
    public String[] errorArgs;

    @Version
    public long version;
}
