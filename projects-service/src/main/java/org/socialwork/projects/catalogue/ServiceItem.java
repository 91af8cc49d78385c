package org.socialwork.projects.catalogue;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An entry of the service catalogue. */
@Entity
@Table(name = "service_item")
public class ServiceItem {

    @Id
    public String code;

    public String category;

    @Column(name = "label_zh")
    public String labelZh;

    @Column(name = "label_en")
    public String labelEn;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
