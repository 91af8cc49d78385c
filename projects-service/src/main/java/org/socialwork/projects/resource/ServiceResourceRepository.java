package org.socialwork.projects.resource;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ServiceResourceRepository implements PanacheRepositoryBase<ServiceResource, UUID> {
}
