package org.socialwork.stations.agency;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.socialwork.platform.web.Versioned;

public record AgencyView(
        UUID id,
        String name,
        String creditCode,
        LegalForm legalForm,
        String registrationRegion,
        AgencyGrade grade,
        Integer gradeYear,
        AgencyContact contact,
        AgencyStatus status,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) implements Versioned {

    static AgencyView of(Agency a) {
        return new AgencyView(a.id, a.name, a.creditCode, a.legalForm, a.registrationRegion, a.grade, a.gradeYear,
                new AgencyContact(a.contactPerson, a.contactEmail, a.contactAddress), a.status, a.version,
                a.createdAt, a.updatedAt);
    }
}
