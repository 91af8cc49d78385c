package org.socialwork.infra.testing;

import java.util.function.Supplier;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Lets a test call an application service the way a resource does, without HTTP: inside a request
 * context whose security identity is a verified dev token, so {@code CallerScope} sees the same
 * roles and scope claims a request with that bearer token would carry.
 */
public final class TestCaller {

    private final JsonWebToken token;

    private TestCaller(JsonWebToken token) {
        this.token = token;
    }

    /** The caller holding {@code bearer} (a token from {@code DevTokens}), verified with the service's key. */
    public static TestCaller of(String bearer) {
        try {
            return new TestCaller(Arc.container().instance(JWTParser.class).get().parse(bearer));
        } catch (ParseException e) {
            throw new IllegalArgumentException("the dev token does not verify", e);
        }
    }

    /** Runs {@code work} in a fresh request context of this caller, as one request would. */
    public <T> T call(Supplier<T> work) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            Arc.container().instance(CurrentIdentityAssociation.class).get().setIdentity(QuarkusSecurityIdentity.builder()
                    .setPrincipal(token).addRoles(token.getGroups()).build());
            return work.get();
        } finally {
            requestContext.terminate();
        }
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
