package org.socialwork.personnel.worker;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.socialwork.platform.web.Versioned;

/** A worker as the API shows it; ID number and phone are masked unless {@code personalDataMasked} is false. */
public record WorkerView(
        UUID id,
        long version,
        UUID employerAgencyId,
        String externalId,
        String name,
        @Schema(example = "3304**********0034") String idNumber,
        String gender,
        LocalDate birthDate,
        @Schema(example = "138****0101") String phone,
        boolean personalDataMasked,
        Education education,
        boolean socialWorkDegree,
        EmploymentView employment,
        QualificationLevel qualificationLevel,
        boolean registered,
        List<CertificateView> certificates,
        WorkerStatus status,
        List<StationAssignmentSummary> stationAssignments,
        boolean dishonestyListed,
        LocalDate dishonestyListedUntil,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) implements Versioned {

    public record EmploymentView(UUID agencyId, Category category, String post, Integer grade, LocalDate from,
            LocalDate until) {
    }

    public record CertificateView(UUID id, String number, QualificationLevel level, LocalDate issuedOn, String issuer,
            boolean registered) {
    }
}
