package org.socialwork.reporting.dashboard;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CoverageTargetRepository implements PanacheRepositoryBase<CoverageTarget, CoverageTarget.Key> {

    public CoverageTarget find(String regionCode, int year) {
        return find("regionCode = ?1 and year = ?2", regionCode, year).firstResult();
    }

    public CoverageTarget findForUpdate(String regionCode, int year) {
        return find("regionCode = ?1 and year = ?2", regionCode, year)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Integer percentFor(String regionCode, int year) {
        CoverageTarget target = find(regionCode, year);
        return target == null ? null : target.targetPercent;
    }
}
