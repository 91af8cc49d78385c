package org.socialwork.platform.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document. {@code errors} lists field-level failures of a validation
 * problem; {@code code} names the business rule that refused a request, for clients that branch
 * on the exact rule rather than on the type.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String code,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One refused field: a JSON-pointer-like path and a localised message. */
    public record FieldError(String field, String message) {
    }
}
