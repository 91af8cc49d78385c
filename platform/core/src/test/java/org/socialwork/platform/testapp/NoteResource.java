package org.socialwork.platform.testapp;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.socialwork.platform.idempotency.Idempotency;
import org.jboss.resteasy.reactive.RestResponse;
import org.socialwork.platform.idempotency.Idempotent;
import org.socialwork.platform.outbox.Outbox;
import org.socialwork.platform.personaldata.Masking;
import org.socialwork.platform.personaldata.PersonalDataAudit;
import org.socialwork.platform.personaldata.PersonalDataCipher;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.web.Cursor;
import org.socialwork.platform.web.Page;
import org.socialwork.platform.web.PageRequest;
import org.socialwork.platform.web.Preconditions;
import org.socialwork.platform.web.Versioned;

import io.quarkus.security.Authenticated;

/** A minimal service on the platform: what every real service resource does, in a few lines. */
@Path("/notes")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class NoteResource {

    public static final String TOPIC = "platform-test.note.v1";

    public record NoteRequest(@NotBlank @Size(max = 200) String text,
            @NotBlank @Pattern(regexp = "\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}") String region) {
    }

    public record NoteView(UUID id, String text, String region, long version) implements Versioned {
    }

    public record NoteChanged(UUID id, String text, String region, long version) {
    }

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    CallerScope caller;

    @Inject
    SlowGate gate;

    @Inject
    PersonalDataAudit audit;

    @Inject
    PersonalDataCipher cipher;

    @POST
    @Idempotent
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoteView.class)))
    public Response create(@HeaderParam(Idempotency.HEADER) String key, @Valid NoteRequest request) {
        NoteView view = insert(request);
        return Response.created(URI.create("/notes/" + view.id())).entity(view).build();
    }

    /** The same create, typed as resources are once they declare their success schema by return type. */
    @POST
    @Path("/typed")
    @Idempotent
    public RestResponse<NoteView> createTyped(@HeaderParam(Idempotency.HEADER) String key, @Valid NoteRequest request) {
        NoteView view = insert(request);
        return RestResponse.ResponseBuilder.<NoteView>created(URI.create("/notes/" + view.id())).entity(view).build();
    }

    @Transactional
    NoteView insert(NoteRequest request) {
        gate.passIfSlow(request.text());
        if (!caller.coversRegion(request.region())) {
            throw Problems.forbidden("problem.forbidden.detail");
        }
        Note note = new Note();
        note.id = UUID.randomUUID();
        note.text = request.text();
        note.region = request.region();
        note.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        em.persist(note);
        em.flush();
        outbox.append(TOPIC, "org.socialwork.note.changed.v1", note.id.toString(),
                new NoteChanged(note.id, note.text, note.region, note.version));
        return view(note);
    }

    @GET
    @Path("/{id}")
    public NoteView get(@PathParam("id") UUID id) {
        return view(visible(id));
    }

    public record ContactView(String phone) {
    }

    /**
     * The phone number found in a note's text: masked, unless the caller holds the personal-data
     * permission, in which case the read is audited. Stands in for any service's personal fields.
     */
    @GET
    @Path("/{id}/contact")
    @Transactional
    public ContactView contact(@PathParam("id") UUID id, @QueryParam("purpose") String purpose) {
        Note note = visible(id);
        String phone = java.util.Arrays.stream(note.text.split("\\s+")).map(Masking::normalizeMobile)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        if (!caller.hasRole(Roles.PERSONAL_DATA)) {
            return new ContactView(Masking.phone(phone));
        }
        audit.unmaskedRead("note", id, List.of("phone"), purpose);
        return new ContactView(cipher.decrypt("note.phone", cipher.encrypt("note.phone", phone)));
    }

    @PUT
    @Path("/{id}")
    @Transactional
    public NoteView update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid NoteRequest request) {
        Note note = visible(id);
        Preconditions.requireIfMatch(ifMatch, note.version);
        note.text = request.text();
        note.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        em.flush();
        outbox.append(TOPIC, "org.socialwork.note.changed.v1", note.id.toString(),
                new NoteChanged(note.id, note.text, note.region, note.version));
        return view(note);
    }

    @GET
    @Transactional
    public Page<NoteView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor, 1);
        String after = page.cursor() == null ? "" : page.cursor().key(0);
        String prefix = caller.regionPrefixFilter().orElse("");
        List<Note> rows = em.createQuery("from Note n where n.id > :after and n.region like :prefix order by n.id", Note.class)
                .setParameter("after", after.isEmpty() ? new UUID(0, 0) : UUID.fromString(after))
                .setParameter("prefix", prefix + "%")
                .setMaxResults(page.fetchSize()).getResultList();
        return Page.of(rows, page.limit(), NoteResource::view, n -> Cursor.of(n.id.toString()), uri);
    }

    @Transactional
    Note visible(UUID id) {
        Note note = em.find(Note.class, id);
        if (note == null || !caller.coversRegion(note.region)) {
            throw Problems.notFound("note", id);
        }
        return note;
    }

    static NoteView view(Note note) {
        return new NoteView(note.id, note.text, note.region, note.version);
    }
}
