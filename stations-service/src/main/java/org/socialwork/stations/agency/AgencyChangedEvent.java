package org.socialwork.stations.agency;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Snapshot on {@code stations.agency.v1}. The contact person and e-mail are left out: they name
 * a person, and events carry no personal data.
 */
public record AgencyChangedEvent(
        UUID id,
        long version,
        String name,
        String creditCode,
        LegalForm legalForm,
        String registrationRegion,
        AgencyGrade grade,
        Integer gradeYear,
        String contactAddress,
        AgencyStatus status,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static final String TOPIC = "stations.agency.v1";
    public static final String TYPE = "org.socialwork.agency.changed.v1";

    static AgencyChangedEvent of(Agency a) {
        return new AgencyChangedEvent(a.id, a.version, a.name, a.creditCode, a.legalForm, a.registrationRegion, a.grade,
                a.gradeYear, a.contactAddress, a.status, a.createdAt, a.updatedAt);
    }
}
