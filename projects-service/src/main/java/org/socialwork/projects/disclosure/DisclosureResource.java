package org.socialwork.projects.disclosure;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialwork.platform.problem.Problems;

@Path("/api/v1/public/projects")
@Tag(name = "Public disclosure", description = "Open without a token: execution and finance figures, no personal data")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class DisclosureResource {

    @Inject
    DisclosureService service;

    @GET
    @Path("/{code}/disclosure")
    @Operation(summary = "A project's disclosure for a month", description = "month=YYYY-MM. Contracted projects only; counts, money and targets, never a person.")
    public Disclosure disclose(@PathParam("code") String code, @QueryParam("month") String month) {
        YearMonth parsed;
        try {
            parsed = YearMonth.parse(month == null ? "" : month.strip());
        } catch (DateTimeParseException e) {
            throw Problems.invalidField("month", "query.invalid", "month", month);
        }
        return service.disclose(code, parsed);
    }
}
