package org.socialwork.projects.evaluation;

import java.math.BigDecimal;

/** EXCELLENT ≥ 90, GOOD ≥ 80, PASS ≥ 60, FAIL below. */
public enum Grade {
    EXCELLENT, GOOD, PASS, FAIL;

    public static Grade of(BigDecimal score) {
        if (score.compareTo(BigDecimal.valueOf(90)) >= 0) {
            return EXCELLENT;
        }
        if (score.compareTo(BigDecimal.valueOf(80)) >= 0) {
            return GOOD;
        }
        if (score.compareTo(BigDecimal.valueOf(60)) >= 0) {
            return PASS;
        }
        return FAIL;
    }
}
