package org.socialwork.personnel.worker;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.socialwork.platform.outbox.Outbox;
import org.socialwork.platform.personaldata.Masking;
import org.socialwork.platform.personaldata.PersonalDataCipher;
import org.socialwork.platform.time.BusinessClock;

/**
 * Builds a worker's view and event snapshot from its row and what other features hold about it
 * (active assignments, dishonesty listing), and publishes the snapshot with the change.
 */
@ApplicationScoped
public class WorkerSnapshots {

    public static final String ID_NUMBER_FIELD = "worker.id_number";
    public static final String PHONE_FIELD = "worker.phone";

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    CertificateRepository certificates;

    @Inject
    BusinessClock clock;

    /** The current listing of a worker: listed and until when. */
    public record Listing(boolean listed, LocalDate until) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(Worker worker) {
        outbox.append(WorkerChangedEvent.TOPIC, WorkerChangedEvent.TYPE, worker.id.toString(), event(worker));
    }

    public WorkerChangedEvent event(Worker w) {
        Listing listing = listing(w.id);
        return new WorkerChangedEvent(w.id, w.version, w.employerAgencyId, w.category, w.post, w.grade, w.employedFrom,
                w.employedUntil, w.qualificationLevel, w.registered, w.status, assignments(w.id), listing.listed(),
                listing.until(), w.createdAt, w.updatedAt);
    }

    /** The view; decrypts ID number and phone only when {@code unmasked} (the caller audits that read). */
    public WorkerView view(Worker w, boolean unmasked) {
        String idNumber = cipher.decrypt(ID_NUMBER_FIELD, w.idNumberEnc);
        String phone = cipher.decrypt(PHONE_FIELD, w.phoneEnc);
        Listing listing = listing(w.id);
        WorkerView.EmploymentView employment = w.employerAgencyId == null ? null
                : new WorkerView.EmploymentView(w.employerAgencyId, w.category, w.post, w.grade, w.employedFrom,
                        w.employedUntil);
        List<WorkerView.CertificateView> certs = certificates.ofWorker(w.id).stream()
                .map(c -> new WorkerView.CertificateView(c.id, c.number, c.level, c.issuedOn, c.issuer, c.registered))
                .toList();
        return new WorkerView(w.id, w.version, w.employerAgencyId, w.externalId, w.name,
                unmasked ? idNumber : Masking.idNumber(idNumber), w.gender, w.birthDate,
                unmasked ? phone : Masking.phone(phone), !unmasked, w.education, w.socialWorkDegree, employment,
                w.qualificationLevel, w.registered, certs, w.status, assignments(w.id), listing.listed(),
                listing.until(), w.createdAt, w.updatedAt);
    }

    /** Whether the worker is on the dishonesty list today, and until when. */
    public Listing listing(UUID workerId) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("""
                select max(expires_on) from dishonesty_listing
                where worker_id = :worker and delisted_on is null and expires_on > :today""")
                .setParameter("worker", workerId).setParameter("today", clock.today()).getResultList();
        Object until = rows.isEmpty() ? null : rows.get(0);
        LocalDate date = until == null ? null : until instanceof Date d ? d.toLocalDate() : (LocalDate) until;
        return new Listing(date != null, date);
    }

    public List<StationAssignmentSummary> assignments(UUID workerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, station_id, role, full_time, valid_from from assignment
                where worker_id = :worker and status = 'ACTIVE' order by valid_from, id""")
                .setParameter("worker", workerId).getResultList();
        return rows.stream().map(r -> new StationAssignmentSummary((UUID) r[0], (UUID) r[1], (String) r[2],
                (Boolean) r[3], r[4] instanceof Date d ? d.toLocalDate() : (LocalDate) r[4])).toList();
    }
}
