package org.socialwork.personnel.dispatch;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class DispatchProgrammeRepository implements PanacheRepositoryBase<DispatchProgramme, UUID> {
}
