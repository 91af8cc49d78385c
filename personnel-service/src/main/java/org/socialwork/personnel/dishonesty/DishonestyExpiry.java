package org.socialwork.personnel.dishonesty;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.socialwork.personnel.worker.WorkerRepository;
import org.socialwork.personnel.worker.WorkerService;
import org.socialwork.platform.time.BusinessClock;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Re-announces workers whose dishonesty listing lapsed: no request marks that day, yet consumers
 * must learn that the worker may hold a post again. Each listing is announced once; several
 * instances share the work through {@code skip locked}.
 */
@ApplicationScoped
public class DishonestyExpiry {

    private static final Logger LOG = Logger.getLogger(DishonestyExpiry.class);
    private static final int BATCH = 100;

    @Inject
    EntityManager em;

    @Inject
    WorkerRepository workers;

    @Inject
    WorkerService workerService;

    @Inject
    BusinessClock clock;

    @Scheduled(every = "{personnel.dishonesty-expiry-check}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void announceExpired() {
        int announced;
        do {
            announced = QuarkusTransaction.requiringNew().call(this::announceBatch);
            if (announced > 0) {
                LOG.infof("re-announced %d workers whose dishonesty listing expired", announced);
            }
        } while (announced == BATCH);
    }

    private int announceBatch() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, worker_id from dishonesty_listing
                where not expiry_announced and delisted_on is null and expires_on <= :today
                order by expires_on limit :batch for update skip locked""")
                .setParameter("today", clock.today()).setParameter("batch", BATCH).getResultList();
        for (Object[] row : rows) {
            em.createNativeQuery("update dishonesty_listing set expiry_announced = true where id = :id")
                    .setParameter("id", row[0]).executeUpdate();
            workers.findByIdOptional((UUID) row[1]).ifPresent(workerService::touch);
        }
        return rows.size();
    }
}
