package org.socialwork.reporting.warning;

import java.math.BigDecimal;

/** A condition the evaluation found that deserves a warning. */
record Candidate(String kind, String regionCode, String subjectType, String subjectId, String severity, String detail,
        BigDecimal measured, BigDecimal threshold) {

    String key() {
        return kind + "|" + subjectType + "|" + subjectId;
    }
}
