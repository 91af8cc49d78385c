package org.socialwork.stations.region;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.socialwork.platform.idempotency.Idempotency;
import org.socialwork.platform.problem.Messages;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.security.Roles;

import io.quarkus.security.Authenticated;

@Path("/api/v1/admin/region-imports")
@Tag(name = "Region imports", description = "Import of the national division list, platform-admin only (行政区划导入)")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class RegionImportResource {

    private static final String OPERATION = "POST /api/v1/admin/region-imports";

    /*
     * Both ways of starting an import share one method and path, so the document holds one operation
     * with two request media types: the two methods carry the same documentation.
     */
    static final String OPERATION_ID = "startRegionImport";
    static final String SUMMARY = "Import the national division list (导入行政区划)";
    static final String DESCRIPTION = "Either upload the files as multipart/form-data (parts provinces, cities, areas, streets, "
            + "villages, any subset, CSV as in the national list), or send application/json naming a directory of the server "
            + "below the configured import root that holds provinces.csv … villages.csv. Runs asynchronously: poll the job at "
            + "Location. Unchanged divisions are left alone; changed ones get a new version and an event. A refused row "
            + "fails the whole job and changes nothing. Platform-admin only. Send an Idempotency-Key to retry safely.";
    static final String ACCEPTED = "Job queued; Location names the job to poll";
    static final String NOT_ADMIN = "Not a platform admin";
    static final String BAD_REQUEST = "A malformed JSON body, or an Idempotency-Key that is blank or longer than 255 characters";
    static final String RULE = "No file given (region.import.no-files), the directory is outside the import root or missing "
            + "(region.import.directory-outside), or the Idempotency-Key was used with another request";
    static final String IDEMPOTENCY_KEY = "Optional key (1–255 characters) that makes retries safe";

    static final String QUEUED_EXAMPLE = """
            {"id": "b7e3c1d2-4a5f-4e6b-9c8d-0f1a2b3c4d5e", "state": "QUEUED", "rowsTotal": 0, "rowsDone": 0,
             "inserted": 0, "updated": 0, "unchanged": 0}
            """;

    static final String SUCCEEDED_EXAMPLE = """
            {"id": "b7e3c1d2-4a5f-4e6b-9c8d-0f1a2b3c4d5e", "state": "SUCCEEDED", "rowsTotal": 25016, "rowsDone": 25016,
             "inserted": 12, "updated": 3, "unchanged": 25001,
             "startedAt": "2026-06-15T02:00:01Z", "finishedAt": "2026-06-15T02:00:42Z"}
            """;

    static final String FAILED_EXAMPLE = """
            {"id": "b7e3c1d2-4a5f-4e6b-9c8d-0f1a2b3c4d5e", "state": "FAILED", "rowsTotal": 25016, "rowsDone": 1204,
             "inserted": 0, "updated": 0, "unchanged": 0,
             "startedAt": "2026-06-15T02:00:01Z", "finishedAt": "2026-06-15T02:00:03Z",
             "error": "streets.csv line 118: code \\"33048100\\" must have 9 digits. Nothing was changed."}
            """;

    static final String DIRECTORY_EXAMPLE = """
            {"directory": "/var/lib/socialwork/imports/2026-06"}
            """;

    @Inject
    RegionImportService service;

    @Inject
    Idempotency idempotency;

    @Inject
    CallerScope caller;

    @Context
    HttpHeaders headers;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN})
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = OPERATION_ID, summary = SUMMARY, description = DESCRIPTION)
    @APIResponse(responseCode = "202", description = ACCEPTED,
            headers = @Header(name = "Location", description = "URL of the job", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegionImportJobView.class),
                    examples = @ExampleObject(name = "queued", summary = "A job waiting to run", value = QUEUED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = BAD_REQUEST)
    @APIResponse(responseCode = "403", description = NOT_ADMIN)
    @APIResponse(responseCode = "422", description = RULE)
    public Response upload(
            @Parameter(description = IDEMPOTENCY_KEY, schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @RestForm("provinces") FileUpload provinces, @RestForm("cities") FileUpload cities,
            @RestForm("areas") FileUpload areas, @RestForm("streets") FileUpload streets,
            @RestForm("villages") FileUpload villages) {
        caller.requireAnyRole(Roles.PLATFORM_ADMIN);
        Map<DivisionFile, FileUpload> uploads = new EnumMap<>(DivisionFile.class);
        put(uploads, DivisionFile.PROVINCES, provinces);
        put(uploads, DivisionFile.CITIES, cities);
        put(uploads, DivisionFile.AREAS, areas);
        put(uploads, DivisionFile.STREETS, streets);
        put(uploads, DivisionFile.VILLAGES, villages);
        Map<String, String> fingerprint = new TreeMap<>();
        uploads.forEach((kind, upload) -> fingerprint.put(kind.part, sha256(upload.uploadedFile())));
        return idempotency.execute(idempotencyKey, caller.subject(), OPERATION, fingerprint, () -> {
            // uploaded files vanish with the request; the job outlives it
            java.nio.file.Path directory = createTempDirectory();
            Map<DivisionFile, java.nio.file.Path> files = new EnumMap<>(DivisionFile.class);
            try {
                for (var entry : uploads.entrySet()) {
                    java.nio.file.Path target = directory.resolve(entry.getKey().fileName());
                    Files.copy(entry.getValue().uploadedFile(), target, StandardCopyOption.REPLACE_EXISTING);
                    files.put(entry.getKey(), target);
                }
            } catch (IOException e) {
                RegionImportService.delete(directory);
                throw new UncheckedIOException(e);
            }
            if (files.isEmpty()) {
                RegionImportService.delete(directory);
            }
            return accepted(service.start("UPLOAD", files, files.isEmpty() ? null : directory));
        });
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = OPERATION_ID, summary = SUMMARY, description = DESCRIPTION)
    @APIResponse(responseCode = "202", description = ACCEPTED,
            headers = @Header(name = "Location", description = "URL of the job", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegionImportJobView.class),
                    examples = @ExampleObject(name = "queued", summary = "A job waiting to run", value = QUEUED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = BAD_REQUEST)
    @APIResponse(responseCode = "403", description = NOT_ADMIN)
    @APIResponse(responseCode = "422", description = RULE)
    public Response directory(
            @Parameter(description = IDEMPOTENCY_KEY, schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportDirectoryRequest.class),
                    examples = @ExampleObject(name = "directory", summary = "A directory below the import root", value = DIRECTORY_EXAMPLE)))
            @NotNull @Valid ImportDirectoryRequest request) {
        caller.requireAnyRole(Roles.PLATFORM_ADMIN);
        return idempotency.execute(idempotencyKey, caller.subject(), OPERATION, request,
                () -> accepted(service.start("DIRECTORY", service.filesIn(request.directory()), null)));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getRegionImport", summary = "Read a division import job (查看行政区划导入任务)",
            description = "rowsDone grows while the job runs; a FAILED job's error names file and line of the refused row, in "
                    + "the caller's language (Accept-Language). Platform-admin only: to anyone else there is no such job.")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegionImportJobView.class),
                    examples = {@ExampleObject(name = "succeeded", summary = "A finished import", value = SUCCEEDED_EXAMPLE),
                            @ExampleObject(name = "failed", summary = "An import refused at a malformed row", value = FAILED_EXAMPLE)}))
    @APIResponse(responseCode = "404", description = "No such job, or not a platform admin")
    public RegionImportJobView get(@Parameter(description = "Import job id") @PathParam("id") UUID id) {
        if (!caller.isPlatformAdmin()) {
            // Import jobs are the platform's own: to anyone else there is no such job.
            throw Problems.notFound("region-import", id);
        }
        return RegionImportJobView.of(service.get(id), Messages.choose(headers.getAcceptableLanguages()));
    }

    private Response accepted(RegionImportJob job) {
        return Response.accepted(RegionImportJobView.of(job, Messages.choose(headers.getAcceptableLanguages())))
                .location(URI.create("/api/v1/admin/region-imports/" + job.id)).build();
    }

    private static void put(Map<DivisionFile, FileUpload> uploads, DivisionFile kind, FileUpload upload) {
        if (upload != null && upload.uploadedFile() != null) {
            uploads.put(kind, upload);
        }
    }

    private static java.nio.file.Path createTempDirectory() {
        try {
            return Files.createTempDirectory("region-import-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(java.nio.file.Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
