package org.socialwork.reporting.report;

import java.time.OffsetDateTime;

/** One step of review: who, at which level, approved or returned, and why. */
public record Review(String level, String decision, String comment, String by, OffsetDateTime at) {
}
