package org.socialwork.platform.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Puts the next page of a list in an RFC 8288 {@code Link: <…>; rel="next"} header too, beside the
 * body's {@code next}: generic HTTP clients and SDKs follow links without knowing our page shape.
 */
@Provider
public class PageLinkFilter implements ContainerResponseFilter {

    public static final String LINK = "Link";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Page<?> page && page.next() != null
                && !response.getHeaders().containsKey(LINK)) {
            response.getHeaders().add(LINK, "<" + page.next() + ">; rel=\"next\"");
        }
    }
}
