package org.socialwork.personnel.assignment;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.socialwork.platform.outbox.Outbox;
import org.socialwork.platform.time.BusinessClock;

/** Maps assignments to their view and publishes their snapshot with each change. */
@ApplicationScoped
public class AssignmentEvents {

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    AssignmentRepository assignments;

    @Inject
    BusinessClock clock;

    public AssignmentView view(Assignment a) {
        return new AssignmentView(a.id, a.version, a.workerId, a.stationId, a.stationRegionCode, a.employerAgencyId,
                a.category, a.role, a.fullTime, a.from, a.to, a.status, latestFiling(a.id), a.createdAt, a.updatedAt);
    }

    /** Records a change of the assignment (its version rises) and publishes the new snapshot. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(Assignment a) {
        a.updatedAt = clock.now();
        assignments.flush();
        outbox.append(AssignmentView.TOPIC, AssignmentView.TYPE, a.id.toString(), view(a));
    }

    /** Re-announces an assignment whose filing changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void filingChanged(UUID assignmentId) {
        changed(assignments.findById(assignmentId));
    }

    private AssignmentView.FilingSummary latestFiling(UUID assignmentId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select filed_on, filed_on - changed_on, late from filing
                where assignment_id = :a and filed_on is not null order by changed_on desc, filed_on desc limit 1""")
                .setParameter("a", assignmentId).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        LocalDate filedOn = r[0] instanceof Date d ? d.toLocalDate() : (LocalDate) r[0];
        return new AssignmentView.FilingSummary(filedOn, ((Number) r[1]).intValue(), (Boolean) r[2]);
    }
}
