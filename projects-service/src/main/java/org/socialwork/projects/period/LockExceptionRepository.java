package org.socialwork.projects.period;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class LockExceptionRepository implements PanacheRepositoryBase<LockException, UUID> {
}
