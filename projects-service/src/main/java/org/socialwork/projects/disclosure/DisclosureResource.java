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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialwork.platform.problem.Problems;

@Path("/api/v1/public/projects")
@Tag(name = "Public disclosure", description = "Open without a token: execution and finance figures, no personal data "
        + "(项目信息公开：执行与资金情况，不含个人信息)")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class DisclosureResource {

    static final String DISCLOSURE_EXAMPLE = """
            {"code": "HN-DEMO-SGZ-01", "name": "海宁市 2026 年度乡镇（街道）社工站运营服务项目",
             "purchaserRegionCode": "330481", "contractorAgency": "海宁市益民社会工作服务中心",
             "procurementMethod": "PUBLIC_TENDER", "contractNumber": "HNMZ-2026-001", "contractDate": "2026-01-01",
             "periodStart": "2026-01-01", "periodEnd": "2026-12-31", "status": "IN_SERVICE", "month": "2026-09",
             "finance": {"budgetFen": 120000000,
               "funding": [{"source": "SOCIAL_ASSISTANCE_FUND", "amountFen": 80000000},
                           {"source": "WELFARE_LOTTERY_FUND", "amountFen": 40000000}],
               "disbursedInMonthFen": 0, "disbursedToDateFen": 36000000, "plannedNotYetPaidFen": 84000000},
             "execution": {"month": {"VISITS": 96, "SERVICE_HOURS": 210.5},
               "toDate": {"VISITS": 870, "SERVICE_HOURS": 2150},
               "targets": [{"indicator": "VISITS", "target": 1200, "actualToDate": 870},
                           {"indicator": "SERVICE_HOURS", "target": 3000, "actualToDate": 2150}],
               "stations": 1, "teamSize": 3}}
            """;

    @Inject
    DisclosureService service;

    @GET
    @Path("/{code}/disclosure")
    @Operation(operationId = "getProjectDisclosure", summary = "A project's disclosure for a month (项目月度信息公开)",
            description = "Open without a token. Contracted projects only (drafts and projects in tender look missing): "
                    + "procurement, contract, money paid and planned, and the indicator figures of the month and to date "
                    + "against the targets; counts, money and targets, never a person.")
    @APIResponse(responseCode = "200", description = "The disclosure",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Disclosure.class),
                    examples = @ExampleObject(name = "september", summary = "The Haining demo project in September",
                            value = DISCLOSURE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "month is missing or not YYYY-MM (query.invalid)")
    @APIResponse(responseCode = "404", description = "No such project, or it is not contracted yet")
    public Disclosure disclose(
            @Parameter(description = "Project code", schema = @Schema(type = SchemaType.STRING, maxLength = 64),
                    example = "HN-DEMO-SGZ-01")
            @PathParam("code") String code,
            @Parameter(description = "The month, YYYY-MM", required = true,
                    schema = @Schema(type = SchemaType.STRING, pattern = "^\\d{4}-\\d{2}$"), example = "2026-09")
            @QueryParam("month") String month) {
        YearMonth parsed;
        try {
            parsed = YearMonth.parse(month == null ? "" : month.strip());
        } catch (DateTimeParseException e) {
            throw Problems.invalidField("month", "query.invalid", "month", month);
        }
        return service.disclose(code, parsed);
    }
}
