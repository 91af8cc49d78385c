package org.socialwork.reporting.dashboard;

import java.time.OffsetDateTime;

import org.socialwork.platform.web.Versioned;

/** A coverage target; version 0 and no percent while none is set. */
public record CoverageTargetView(String regionCode, int year, Integer targetPercent, String note, long version,
        String updatedBy, OffsetDateTime updatedAt) implements Versioned {
}
