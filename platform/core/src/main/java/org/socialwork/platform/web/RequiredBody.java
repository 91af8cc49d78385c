package org.socialwork.platform.web;

import java.io.IOException;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.socialwork.platform.problem.ProblemType;
import org.socialwork.platform.problem.Problems;

/**
 * An operation that takes a JSON object gets one: an empty body or the JSON literal {@code null}
 * would otherwise reach the resource as a null request and fail there as an internal error.
 */
@Provider
public class RequiredBody implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object body = context.proceed();
        if (body == null && !context.getType().equals(String.class) && !context.getType().equals(byte[].class)) {
            throw Problems.of(ProblemType.MALFORMED_REQUEST, "problem.malformed-request.shape");
        }
        return body;
    }
}
