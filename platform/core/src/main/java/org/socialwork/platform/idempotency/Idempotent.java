package org.socialwork.platform.idempotency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Makes a resource method honour {@code Idempotency-Key} through {@link Idempotency}. The method
 * declares {@code @HeaderParam(Idempotency.HEADER) String key} (so the header is in its contract) and
 * returns a {@code Response}; the operation is taken from its HTTP method and path, with the request's
 * path parameters filled in, and the body from its entity parameter.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Idempotent {
}
