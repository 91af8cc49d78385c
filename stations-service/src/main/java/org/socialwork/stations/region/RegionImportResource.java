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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
@Tag(name = "Region imports", description = "Import of the national division list (platform-admin)")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class RegionImportResource {

    private static final String OPERATION = "POST /api/v1/admin/region-imports";

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
    @Operation(summary = "Import uploaded division files",
            description = "Parts provinces, cities, areas, streets, villages (any subset), CSV as in the national list. "
                    + "Runs asynchronously: poll the job at Location. Unchanged divisions are left alone; changed ones get a new version and an event.")
    @APIResponse(responseCode = "202", description = "Job queued")
    @APIResponse(responseCode = "403", description = "Not a platform admin")
    @APIResponse(responseCode = "422", description = "No file given")
    public Response upload(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
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
    @Operation(summary = "Import division files from a server directory",
            description = "Reads provinces.csv … villages.csv present in the directory, which must lie below the configured import root.")
    @APIResponse(responseCode = "202", description = "Job queued")
    @APIResponse(responseCode = "403", description = "Not a platform admin")
    @APIResponse(responseCode = "422", description = "Directory outside the import root, or no file in it")
    public Response directory(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull @Valid ImportDirectoryRequest request) {
        caller.requireAnyRole(Roles.PLATFORM_ADMIN);
        return idempotency.execute(idempotencyKey, caller.subject(), OPERATION, request,
                () -> accepted(service.start("DIRECTORY", service.filesIn(request.directory()), null)));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Progress of an import job", description = "rowsDone grows while the job runs; error names file and line of a refused row.")
    @APIResponse(responseCode = "200", description = "The job")
    @APIResponse(responseCode = "404", description = "No such job")
    public RegionImportJobView get(@PathParam("id") UUID id) {
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
