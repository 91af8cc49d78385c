package org.socialwork.personnel.supervision;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class SupervisionRepository implements PanacheRepositoryBase<Supervision, UUID> {
}
