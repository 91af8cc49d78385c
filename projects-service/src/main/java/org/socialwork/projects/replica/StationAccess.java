package org.socialwork.projects.replica;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.sql.NativeSql;

/**
 * Scope by station, shared by clients, needs and service records: bureau users reach the stations
 * of their region subtree, agency admins the stations their agency operates, field workers the
 * stations where they hold an active assignment (from the assignment replica).
 */
@RequestScoped
public class StationAccess {

    @Inject
    CallerScope caller;

    @Inject
    Replicas replicas;

    private java.util.List<UUID> myStations;

    public boolean canRead(Replicas.Station s) {
        if (caller.isPlatformAdmin()) {
            return true;
        }
        if (caller.hasAnyRole(Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER) && caller.coversRegion(s.regionCode())) {
            return true;
        }
        return canWriteAsOperator(s);
    }

    public boolean canWrite(Replicas.Station s) {
        if (caller.isPlatformAdmin()) {
            return true;
        }
        if (caller.hasRole(Roles.BUREAU_ADMIN) && caller.coversRegion(s.regionCode())) {
            return true;
        }
        return canWriteAsOperator(s);
    }

    private boolean canWriteAsOperator(Replicas.Station s) {
        if (caller.actsForAgency(s.agencyId())) {
            return true;
        }
        return caller.hasRole(Roles.FIELD_WORKER) && myStations().contains(s.id());
    }

    /** The stations of the calling field worker (empty for anyone else). */
    public java.util.List<UUID> myStations() {
        if (myStations == null) {
            myStations = caller.hasRole(Roles.FIELD_WORKER) && caller.worker().isPresent()
                    ? replicas.activeStationsOf(caller.worker().get())
                    : java.util.List.of();
        }
        return myStations;
    }

    /** Appends "(the station in {@code stationColumn} is in the caller's scope)". */
    public void appendScope(NativeSql sql, String stationColumn) {
        if (caller.isPlatformAdmin()) {
            sql.append("true");
            return;
        }
        sql.append("(false");
        if (caller.hasAnyRole(Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER) && caller.region().isPresent()) {
            sql.appendInSubtree(" or exists (select 1 from station_replica sr where sr.id = " + stationColumn + " and ",
                    "sr.region_code", "scopeRegion", caller.region().get()).append(")");
        }
        if (caller.hasRole(Roles.AGENCY_ADMIN) && caller.agency().isPresent()) {
            sql.append(" or exists (select 1 from station_replica sa where sa.id = " + stationColumn
                    + " and sa.agency_id = :scopeAgency)", "scopeAgency", caller.agency().get());
        }
        if (caller.hasRole(Roles.FIELD_WORKER) && caller.worker().isPresent()) {
            sql.append(" or " + stationColumn + " in (select aw.station_id from assignment_replica aw"
                    + " where aw.worker_id = :scopeWorker and aw.status = 'ACTIVE')", "scopeWorker", caller.worker().get());
        }
        sql.append(")");
    }
}
