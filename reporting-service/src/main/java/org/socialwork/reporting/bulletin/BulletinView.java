package org.socialwork.reporting.bulletin;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.socialwork.platform.web.Versioned;
import org.socialwork.reporting.ranking.Ranking;

/** A bulletin as the API shows it; the ETag is its version. */
public record BulletinView(UUID id, String regionCode, String month, LocalDate periodStart, LocalDate periodEnd,
        BulletinStatus status, List<Ranking> rankings, Map<String, String> comments, String summary,
        OffsetDateTime asOf, String createdBy, OffsetDateTime createdAt, OffsetDateTime issuedAt, String issuedBy,
        long version, OffsetDateTime updatedAt) implements Versioned {

    static BulletinView of(Bulletin b) {
        return new BulletinView(b.id, b.regionCode, b.periodStart.toString().substring(0, 7), b.periodStart,
                b.periodEnd, b.status, List.copyOf(b.rankings), Map.copyOf(b.comments), b.summary, b.asOf,
                b.createdBy, b.createdAt, b.issuedAt, b.issuedBy, b.version, b.updatedAt);
    }
}
