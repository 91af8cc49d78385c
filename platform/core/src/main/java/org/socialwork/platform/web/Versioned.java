package org.socialwork.platform.web;

/**
 * A representation of a versioned resource. Its ETag is its version: {@link VersionedETagFilter}
 * sets it on every 2xx response whose entity is one, so a resource method returns the view itself
 * (and the OpenAPI document gets its type) instead of building a response around it.
 */
public interface Versioned {

    long version();
}
