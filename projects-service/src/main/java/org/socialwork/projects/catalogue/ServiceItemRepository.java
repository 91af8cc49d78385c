package org.socialwork.projects.catalogue;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ServiceItemRepository implements PanacheRepositoryBase<ServiceItem, String> {
}
