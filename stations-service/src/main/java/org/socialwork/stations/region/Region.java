package org.socialwork.stations.region;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One administrative division, valid from {@code validFrom} (inclusive) to {@code validTo} (exclusive). */
@Entity
@Table(name = "region")
public class Region {

    @Id
    public String code;

    public String name;

    @Enumerated(EnumType.STRING)
    public RegionLevel level;

    @Column(name = "parent_code")
    public String parentCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "township_kind")
    public TownshipKind townshipKind;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @Column(name = "merged_into")
    public String mergedInto;

    @Column(name = "retire_reason")
    public String retireReason;

    @Version
    public long version;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** Whether this division exists on {@code date}. */
    public boolean validOn(LocalDate date) {
        return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || date.isBefore(validTo));
    }

    /** Whether {@code other} lies strictly below this division. */
    public boolean isAncestorOf(String otherCode) {
        return otherCode != null && otherCode.length() > code.length() && otherCode.startsWith(code);
    }
}
