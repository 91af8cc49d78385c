package org.socialwork.platform.testapp;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.Authenticated;

/** Echoes whose token a request was authenticated with, so that tests can tell callers apart. */
@Path("/whoami")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class WhoAmIResource {

    public record Caller(String subject, String region) {
    }

    @Inject
    JsonWebToken jwt;

    @GET
    public Caller get() {
        return new Caller(jwt.getSubject(), jwt.getClaim("region"));
    }
}
