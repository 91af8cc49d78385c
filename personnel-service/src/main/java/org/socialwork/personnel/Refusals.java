package org.socialwork.personnel;

import java.util.List;

import org.socialwork.platform.problem.Problem;
import org.socialwork.platform.problem.ProblemException;
import org.socialwork.platform.problem.ProblemType;

/** Refusals the platform's {@code Problems} lacks: a rule or conflict that names the request field at fault. */
public final class Refusals {

    private Refusals() {
    }

    /** 422 naming {@code field}, e.g. a station id the replica does not know. */
    public static ProblemException ruleOn(String field, String messageKey, Object... args) {
        return new ProblemException(ProblemType.RULE_VIOLATION, messageKey, args, List.of(new Problem.FieldError(field, null)));
    }

    /** 409 naming {@code field}. */
    public static ProblemException conflictOn(String field, String messageKey, Object... args) {
        return new ProblemException(ProblemType.CONFLICT, messageKey, args, List.of(new Problem.FieldError(field, null)));
    }
}
