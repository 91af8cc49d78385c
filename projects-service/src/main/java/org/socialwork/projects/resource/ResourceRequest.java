package org.socialwork.projects.resource;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record ResourceRequest(@NotNull ResourceKind kind, @NotBlank @Size(max = 200) String name,
        @NotBlank @Pattern(regexp = "\\d{6}|\\d{9}|\\d{12}") String regionCode, @Size(max = 2000) String description,
        @Size(max = 200) String capacity) {
}
