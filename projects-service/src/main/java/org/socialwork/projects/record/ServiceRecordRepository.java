package org.socialwork.projects.record;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ServiceRecordRepository implements PanacheRepositoryBase<ServiceRecord, UUID> {
}
