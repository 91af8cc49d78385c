package org.socialwork.reporting.bulletin;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.socialwork.platform.problem.ProblemType;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.web.Cursor;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class BulletinRepository implements PanacheRepositoryBase<Bulletin, UUID> {

    public Bulletin findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public boolean exists(String regionCode, LocalDate start) {
        return count("regionCode = ?1 and periodStart = ?2", regionCode, start) > 0;
    }

    /** Bulletins issued by {@code region}, newest month first by (periodStart desc, id), from after {@code after}. */
    public List<Bulletin> ofRegion(String region, LocalDate month, boolean issuedOnly, Cursor after, int limit) {
        StringBuilder query = new StringBuilder("regionCode = :region");
        Map<String, Object> params = new HashMap<>();
        params.put("region", region);
        if (month != null) {
            query.append(" and periodStart = :month");
            params.put("month", month);
        }
        if (issuedOnly) {
            query.append(" and status = :issued");
            params.put("issued", BulletinStatus.ISSUED);
        }
        if (after != null) {
            query.append(" and (periodStart < :afterStart or (periodStart = :afterStart and id > :afterId))");
            try {
                params.put("afterStart", LocalDate.parse(after.key(0)));
                params.put("afterId", UUID.fromString(after.key(1)));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw Problems.of(ProblemType.INVALID_CURSOR, "problem.invalid-cursor.detail");
            }
        }
        return find(query + " order by periodStart desc, id", params).page(0, limit).list();
    }

    static Cursor cursorOf(BulletinView view) {
        return Cursor.of(view.periodStart().toString(), view.id().toString());
    }
}
