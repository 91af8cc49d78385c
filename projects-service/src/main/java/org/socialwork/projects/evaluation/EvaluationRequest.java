package org.socialwork.projects.evaluation;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An evaluation of a project against a template by one or more assessors whose weights add up to 100.")
public record EvaluationRequest(@NotNull UUID projectId, @NotNull UUID templateId, @NotNull EvaluationKind kind,
        @NotEmpty @Size(max = 10) List<@NotNull @Valid AssessorRequest> assessors) {
}
