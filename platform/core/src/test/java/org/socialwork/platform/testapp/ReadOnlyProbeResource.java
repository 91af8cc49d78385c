package org.socialwork.platform.testapp;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.hibernate.Session;

import io.quarkus.security.Authenticated;

/**
 * A read that (wrongly) changes what it loaded, and the same change made by a POST: whether the
 * change reaches the database shows whether the request's session was read-only.
 */
@Path("/read-only-probe")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ReadOnlyProbeResource {

    public record Probe(boolean readOnly, String text) {
    }

    @Inject
    EntityManager em;

    @GET
    @Path("/{id}")
    @Transactional
    public Probe touchOnRead(@PathParam("id") UUID id) {
        return touch(id, "changed by a GET");
    }

    @POST
    @Path("/{id}")
    @Transactional
    public Probe touchOnWrite(@PathParam("id") UUID id) {
        return touch(id, "changed by a POST");
    }

    private Probe touch(UUID id, String text) {
        Note note = em.find(Note.class, id);
        note.text = text;
        return new Probe(em.unwrap(Session.class).isDefaultReadOnly(), note.text);
    }
}
