package org.socialwork.platform.security;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.socialwork.platform.problem.Problems;

/**
 * Who is calling and what they may reach: the roles of the token and its scope claims
 * ({@code region}: the division code of the area a bureau user acts in; {@code agency}: the agency
 * an agency admin belongs to; {@code worker}: the worker a field worker is).
 *
 * <p>Division codes nest by prefix (province 2 digits, city 4, county 6, township 9, village 12),
 * so "inside the caller's region" is a prefix test; a platform admin reaches everything.
 */
@RequestScoped
public class CallerScope {

    @Inject
    JsonWebToken jwt;

    public String subject() {
        String name = jwt.getName();
        return name == null ? "anonymous" : name;
    }

    public Set<String> roles() {
        return jwt.getGroups() == null ? Set.of() : jwt.getGroups();
    }

    public boolean hasRole(String role) {
        return roles().contains(role);
    }

    public boolean hasAnyRole(String... roles) {
        for (String role : roles) {
            if (hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    public boolean isPlatformAdmin() {
        return hasRole(Roles.PLATFORM_ADMIN);
    }

    public Optional<String> region() {
        return claim("region");
    }

    public Optional<UUID> agency() {
        return claim("agency").flatMap(CallerScope::uuid);
    }

    public Optional<UUID> worker() {
        return claim("worker").flatMap(CallerScope::uuid);
    }

    /** True when the caller's region claim contains the region {@code code} (or the caller is a platform admin). */
    public boolean coversRegion(String code) {
        if (isPlatformAdmin()) {
            return true;
        }
        return code != null && region().map(code::startsWith).orElse(false);
    }

    /** True when the caller acts for agency {@code agencyId}. */
    public boolean actsForAgency(UUID agencyId) {
        return agencyId != null && hasRole(Roles.AGENCY_ADMIN) && agency().map(agencyId::equals).orElse(false);
    }

    /**
     * The region prefix a region-scoped list must be limited to, or empty for a platform admin.
     * A caller with neither role nor region claim gets a prefix that matches nothing.
     */
    public Optional<String> regionPrefixFilter() {
        if (isPlatformAdmin()) {
            return Optional.empty();
        }
        return Optional.of(region().orElse("-"));
    }

    /** 403 unless the caller holds one of {@code roles}. */
    public void requireAnyRole(String... roles) {
        if (!hasAnyRole(roles)) {
            throw Problems.forbidden("problem.forbidden.role", String.join(", ", roles));
        }
    }

    private Optional<String> claim(String name) {
        Object value = jwt.getClaim(name);
        if (value == null) {
            return Optional.empty();
        }
        String text = value instanceof jakarta.json.JsonString s ? s.getString() : value.toString();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
