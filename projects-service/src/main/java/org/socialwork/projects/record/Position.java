package org.socialwork.projects.record;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/** Where the service took place (as the phone reported it). Never published: it can locate a client's home. */
public record Position(@NotNull @DecimalMin("3") @DecimalMax("54") Double latitude,
        @NotNull @DecimalMin("73") @DecimalMax("136") Double longitude) {
}
