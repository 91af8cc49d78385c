package org.socialwork.personnel.replica;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.socialwork.platform.sql.NativeSql;
import org.socialwork.platform.web.Cursor;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class StationReplicaRepository implements PanacheRepositoryBase<StationReplica, UUID> {

    /** One keyset page (by region code, then id) of the subtree {@code region}, optionally of one agency. */
    List<StationReplica> page(String region, UUID agency, Cursor after, int size) {
        StringBuilder query = new StringBuilder("regionCode >= :from and regionCode < :to");
        Parameters params = Parameters.with("from", region).and("to", NativeSql.subtreeEnd(region));
        if (agency != null) {
            query.append(" and agencyId = :agency");
            params.and("agency", agency);
        }
        if (after != null) {
            query.append(" and (regionCode > :afterCode or (regionCode = :afterCode and id > :afterId))");
            params.and("afterCode", after.key(0)).and("afterId", after.uuid(1));
        }
        return find(query.append(" order by regionCode, id").toString(), params).range(0, size - 1).list();
    }

    static Cursor cursorOf(StationReplica replica) {
        return Cursor.of(replica.regionCode, replica.id.toString());
    }
}
