package org.socialwork.platform.web;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the admission limit that sheds overload ({@link AdmissionLimit}). */
@ConfigMapping(prefix = "socialwork.http.admission")
public interface AdmissionConfig {

    /**
     * How many requests the service works on at once; one more is refused at once with 503,
     * {@code Retry-After} and a problem document instead of queueing behind the others until it
     * times out. Unset, it is twice the connection pool ({@code quarkus.datasource.jdbc.max-size}):
     * enough for the pool never to wait for work while a request's non-database part runs, few
     * enough that an admitted request waits at most about one query for a connection. {@code 0}
     * switches the limit off (benchmarks compare with and without). Health and metrics are never
     * counted nor refused.
     */
    Optional<Integer> maxConcurrentRequests();

    /**
     * The {@code Retry-After} a refused request is given, in whole seconds: a client that honours it
     * comes back after the burst rather than at once.
     */
    @WithDefault("1S")
    Duration retryAfter();
}
