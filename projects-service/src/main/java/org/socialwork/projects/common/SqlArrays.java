package org.socialwork.projects.common;

import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * PostgreSQL array literals for {@code cast(:ids as uuid[])}: a single text parameter binds the
 * same way in every query, where binding Java arrays depends on the driver's type inference.
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    public static String uuids(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }
}
