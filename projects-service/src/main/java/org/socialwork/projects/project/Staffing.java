package org.socialwork.projects.project;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;

/** Staffing requirements of the contract, checked against the team when service starts. */
public record Staffing(@PositiveOrZero @Max(1000) int minFullTimeWorkers, @PositiveOrZero @Max(1000) int minCertifiedWorkers) {
}
