package org.socialwork.projects.client;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The individual service plan of a client (一人一案): goals, service items and the next review. */
public record ServicePlan(@NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 500) String> goals,
        @Size(max = 30) List<@NotBlank String> serviceItems, @NotNull LocalDate reviewOn) {
}
