package org.socialwork.projects.evaluation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.socialwork.platform.web.Versioned;

public record TemplateView(UUID id, long version, String name, List<TemplateDimension> dimensions, OffsetDateTime createdAt)
        implements Versioned {
}
