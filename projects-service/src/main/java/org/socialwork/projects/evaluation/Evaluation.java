package org.socialwork.projects.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.ColumnTransformer;

/** An evaluation of a project; assessors (with their scores) and rectifications are read and written whole. */
@Entity
@Table(name = "evaluation")
public class Evaluation {

    @Id
    public UUID id;

    @Column(name = "project_id")
    public UUID projectId;

    @Column(name = "template_id")
    public UUID templateId;

    @Enumerated(EnumType.STRING)
    public EvaluationKind kind;

    @Enumerated(EnumType.STRING)
    public EvaluationStatus status;

    @ColumnTransformer(write = "cast(? as jsonb)")
    public String assessors;

    public BigDecimal score;

    @Enumerated(EnumType.STRING)
    public Grade grade;

    @Column(name = "completed_on")
    public LocalDate completedOn;

    @ColumnTransformer(write = "cast(? as jsonb)")
    public String rectifications;

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
