package org.socialwork.reporting.rebuild;

import java.time.OffsetDateTime;

/** Progress of a rebuild: the generation it fills, its state and how many events it replayed of those it found. */
public record RebuildView(int generation, String state, OffsetDateTime startedAt, OffsetDateTime finishedAt,
        long eventsTotal, long eventsDone, String detail) {
}
