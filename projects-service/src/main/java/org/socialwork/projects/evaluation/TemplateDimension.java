package org.socialwork.projects.evaluation;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A dimension of a template (e.g. standard, professional, planning, effect) with its indicators. */
public record TemplateDimension(@NotBlank @Size(max = 100) String name,
        @NotEmpty @Size(max = 50) List<@NotNull @Valid TemplateIndicator> indicators) {
}
