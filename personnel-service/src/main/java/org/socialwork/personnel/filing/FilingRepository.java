package org.socialwork.personnel.filing;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class FilingRepository implements PanacheRepositoryBase<Filing, UUID> {
}
