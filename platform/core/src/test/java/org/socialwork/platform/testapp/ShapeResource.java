package org.socialwork.platform.testapp;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import io.quarkus.security.Authenticated;

/** Echoes typed bodies and query parameters, to show how the platform reads each JSON and query type. */
@Path("/shapes")
@Authenticated
public class ShapeResource {

    public enum Kind { STREET, TOWN }

    public record Inner(String name) {
    }

    public record Shape(LocalDate day, java.time.OffsetDateTime at, java.math.BigDecimal hours, Boolean flag, Integer count, Double ratio, String label, Kind kind, Inner inner, List<String> tags) {
    }

    public record Query(Integer count, Boolean flag, Double ratio, UUID id, LocalDate day, Kind kind) {
    }

    @POST
    public Shape echo(@Valid Shape shape) {
        return shape;
    }

    @GET
    public Query query(@QueryParam("count") Integer count, @QueryParam("flag") Boolean flag,
            @QueryParam("ratio") Double ratio, @QueryParam("id") UUID id, @QueryParam("day") LocalDate day,
            @QueryParam("kind") Kind kind, @QueryParam("label") String label) {
        return new Query(count, flag, ratio, id, day, kind);
    }
}
