package org.socialwork.reporting.warning;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.socialwork.platform.web.Versioned;

/**
 * A warning as the API shows it and as reporting.warning.v1 carries it (org.socialwork.warning.raised.v1);
 * the ETag is its version.
 */
public record WarningView(UUID id, long version, String kind, String regionCode, String subjectType, String subjectId,
        String severity, String detail, BigDecimal measured, BigDecimal threshold, String status,
        OffsetDateTime raisedAt, OffsetDateTime updatedAt) implements Versioned {

    public static final String TOPIC = "reporting.warning.v1";
    public static final String TYPE = "org.socialwork.warning.raised.v1";

    static WarningView of(Warning w) {
        return new WarningView(w.id, w.version, w.kind, w.regionCode, w.subjectType, w.subjectId, w.severity, w.detail,
                w.measured, w.threshold, w.status, w.raisedAt, w.updatedAt);
    }
}
