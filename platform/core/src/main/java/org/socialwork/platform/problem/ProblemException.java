package org.socialwork.platform.problem;

import java.util.List;

/**
 * A refusal that the platform turns into a problem response. {@code messageKey} names a localised
 * message in the platform's or the service's bundle ({@code i18n/platform}, {@code i18n/service});
 * {@code args} fill its placeholders. Domain code throws it through {@link Problems}.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final String messageKey;
    private final transient Object[] args;
    private final List<Problem.FieldError> errors;

    public ProblemException(ProblemType type, String messageKey, Object[] args, List<Problem.FieldError> errors) {
        super(messageKey, null, false, false);
        this.type = type;
        this.messageKey = messageKey;
        this.args = args == null ? new Object[0] : args.clone();
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public ProblemType type() {
        return type;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
