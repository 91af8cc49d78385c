package org.socialwork.projects.evaluation;

import java.math.BigDecimal;
import java.util.Map;

/** An assessor of an evaluation with its weight (assessor weights add up to 100) and, once given, its scores by indicator. */
public record Assessor(AssessorKind kind, String subject, BigDecimal weight, Map<String, BigDecimal> scores) {
}
