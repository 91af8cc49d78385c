package org.socialwork.personnel.volunteer;

import java.math.BigDecimal;
import java.util.UUID;

/** The volunteers a worker recruited: active ones, regular ones, and their service hours. */
public record VolunteerSummary(UUID workerId, long active, long regular, BigDecimal serviceHours) {
}
