package org.socialwork.personnel.replica;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.socialwork.platform.sql.NativeSql;
import org.socialwork.platform.web.Cursor;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class AgencyReplicaRepository implements PanacheRepositoryBase<AgencyReplica, UUID> {

    /** One keyset page (by registration region, then id) of the agencies registered in {@code region}, or one agency. */
    List<AgencyReplica> page(String region, UUID only, Cursor after, int size) {
        StringBuilder query = new StringBuilder("registrationRegion >= :from and registrationRegion < :to");
        Parameters params = Parameters.with("from", region).and("to", NativeSql.subtreeEnd(region));
        if (only != null) {
            query.append(" and id = :only");
            params.and("only", only);
        }
        if (after != null) {
            query.append(" and (registrationRegion > :afterCode or (registrationRegion = :afterCode and id > :afterId))");
            params.and("afterCode", after.key(0)).and("afterId", after.uuid(1));
        }
        return find(query.append(" order by registrationRegion, id").toString(), params).range(0, size - 1).list();
    }

    static Cursor cursorOf(AgencyReplica replica) {
        return Cursor.of(replica.registrationRegion, replica.id.toString());
    }
}
