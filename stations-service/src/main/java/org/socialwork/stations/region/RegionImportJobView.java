package org.socialwork.stations.region;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

import org.socialwork.platform.problem.Messages;

/** Progress and outcome of an import; {@code error} is in the caller's language. */
public record RegionImportJobView(UUID id, RegionImportState state, long rowsTotal, long rowsDone, long inserted,
        long updated, long unchanged, OffsetDateTime startedAt, OffsetDateTime finishedAt, String error) {

    static RegionImportJobView of(RegionImportJob job, Locale locale) {
        String error = job.errorKey == null ? null
                : Messages.get(locale, job.errorKey, (Object[]) (job.errorArgs == null ? new String[0] : job.errorArgs));
        return new RegionImportJobView(job.id, job.state, job.rowsTotal, job.rowsDone, job.inserted, job.updated,
                job.unchanged, job.startedAt, job.finishedAt, error);
    }
}
