package org.socialwork.platform;

import java.util.Set;

import org.socialwork.infra.jwt.DevTokens;

/** Bearer headers for the callers the platform tests use. */
public final class Tokens {

    private Tokens() {
    }

    public static String platformAdmin() {
        return "Bearer " + DevTokens.mint(DevTokens.Caller.platformAdmin());
    }

    public static String bureauAdmin(String region) {
        return "Bearer " + DevTokens.mint(DevTokens.Caller.bureau("bureau-admin", region));
    }

    public static String withRoles(String subject, String... roles) {
        return "Bearer " + DevTokens.mint(new DevTokens.Caller(subject, Set.of(roles), null, null, null));
    }
}
