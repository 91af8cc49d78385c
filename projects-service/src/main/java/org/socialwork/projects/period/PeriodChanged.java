package org.socialwork.projects.period;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** This service's reading of a reporting.period.v1 snapshot. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PeriodChanged(String id, long version, String regionCode, String periodType, LocalDate periodStart,
        LocalDate periodEnd, Boolean locked) {
}
