package org.socialwork.reporting.readmodel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * This service's own reading of the other services' event payloads: only the fields the read
 * models need. Unknown fields are ignored (a tolerant reader), since producers may add optional
 * fields without a new event version.
 */
public final class Inbound {

    private Inbound() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Region(String code, String name, String level, String parentCode, LocalDate validTo,
            String mergedInto, long version) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Designation(String kind, String level, Integer year) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Station(UUID id, long version, String name, String level, String regionCode, String status,
            UUID agencyId, List<Designation> designations, boolean meetsStandard, boolean builtAndOperating,
            LocalDate effectiveOn, OffsetDateTime updatedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Agency(UUID id, long version, String name, String registrationRegion, String grade, String status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Worker(UUID id, long version, UUID employerAgencyId, String category, String qualificationLevel,
            boolean registered, String status, LocalDate employedFrom, LocalDate employedUntil) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Filing(LocalDate filedOn, Integer daysAfterChange, boolean late) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Assignment(UUID id, long version, UUID workerId, UUID stationId, String stationRegionCode,
            String category, String role, boolean fullTime, LocalDate from, LocalDate to, String status, Filing filing) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attendance(UUID workerId, BigDecimal hours, boolean completed) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Training(UUID id, long version, String type, String organizerRegionCode, LocalDate startsOn,
            List<Attendance> attendance) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Dispatch(UUID id, long version, int year, String sendingRegionCode, String receivingCountyCode,
            int workersDispatched, int localTrainees) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Volunteer(UUID id, long version, UUID stationId, String stationRegionCode, BigDecimal serviceHours,
            String status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Funding(String source, long amountFen) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Target(String indicator, long target) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Staffing(Integer minFullTimeWorkers, Integer minCertifiedWorkers) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TeamMember(UUID workerId, String role, LocalDate since) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Project(UUID id, long version, String code, String name, String purchaserRegionCode,
            UUID contractorAgencyId, List<UUID> stationIds, LocalDate periodStart, LocalDate periodEnd, String status,
            long budgetFen, List<Funding> funding, long disbursedFen, List<Target> targets, Staffing staffing,
            List<TeamMember> team, int teamChanges) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Client(UUID id, long version, String riskLevel, int requiredVisitsPerMonth, UUID stationId,
            String villageRegionCode, String status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Need(UUID id, long version, String category, String regionCode, String status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rectification(UUID id, LocalDate dueOn, LocalDate closedOn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Evaluation(UUID id, long version, UUID projectId, String purchaserRegionCode, String kind,
            String status, BigDecimal score, String grade, LocalDate completedOn, List<Rectification> rectifications) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ServiceRecord(UUID id, int revision, String type, OffsetDateTime occurredAt, int durationMinutes,
            UUID stationId, String stationRegionCode, UUID projectId, List<UUID> clientIds, Integer participantCount,
            List<String> serviceItemCategories) {
    }
}
