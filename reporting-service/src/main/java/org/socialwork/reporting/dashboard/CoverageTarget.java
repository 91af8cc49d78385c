package org.socialwork.reporting.dashboard;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The share of townships a bureau wants covered in its region by the end of a year. */
@Entity
@Table(name = "coverage_target")
@IdClass(CoverageTarget.Key.class)
public class CoverageTarget {

    /** Composite key: region and year. */
    public record Key(String regionCode, int year) implements java.io.Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "region_code")
    public String regionCode;

    @Id
    public int year;

    @Column(name = "target_percent")
    public int targetPercent;

    public String note;

    /** Managed by the service (starts at 1, the ETag); the row is locked while it changes. */
    public long version;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
