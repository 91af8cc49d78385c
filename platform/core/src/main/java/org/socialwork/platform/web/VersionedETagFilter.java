package org.socialwork.platform.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Sets {@code ETag} from a {@link Versioned} entity on 2xx responses that have none. Response filters
 * run from the highest priority down, so this one runs before {@link NotModifiedFilter} reads the tag.
 */
@Provider
@Priority(Priorities.USER + 1000)
public class VersionedETagFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() / 100 == 2 && response.getEntity() instanceof Versioned versioned
                && !response.getHeaders().containsKey(HttpHeaders.ETAG)) {
            response.getHeaders().putSingle(HttpHeaders.ETAG, Preconditions.etag(versioned.version()));
        }
    }
}
