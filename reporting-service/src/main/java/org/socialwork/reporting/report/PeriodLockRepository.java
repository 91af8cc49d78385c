package org.socialwork.reporting.report;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PeriodLockRepository implements PanacheRepositoryBase<PeriodLock, String> {
}
