package org.socialwork.projects.evaluation;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.ColumnTransformer;

/** A weighted multi-dimension evaluation template; dimensions and indicators are read and written whole. */
@Entity
@Table(name = "evaluation_template")
public class EvaluationTemplate {

    @Id
    public UUID id;

    public String name;

    @ColumnTransformer(write = "cast(? as jsonb)")
    public String dimensions;

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
