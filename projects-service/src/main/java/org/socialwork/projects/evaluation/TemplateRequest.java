package org.socialwork.projects.evaluation;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An evaluation template; the weights of all its indicators add up to 100.")
public record TemplateRequest(@NotBlank @Size(max = 200) String name,
        @NotEmpty @Size(max = 20) List<@NotNull @Valid TemplateDimension> dimensions) {
}
