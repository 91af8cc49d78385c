package org.socialwork.reporting.reconciliation;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.socialwork.platform.reconciliation.SourceTotals;

/** A producer's {@code GET /api/v1/admin/source-totals}; a null query parameter is not sent. */
@Path("/api/v1/admin/source-totals")
public interface SourceTotalsClient {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    SourceTotals get(@HeaderParam("Authorization") String authorization, @QueryParam("region") String region,
            @QueryParam("from") String from, @QueryParam("to") String to);
}
