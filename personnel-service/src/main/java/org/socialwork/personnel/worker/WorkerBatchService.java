package org.socialwork.personnel.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.socialwork.platform.problem.ProblemResponses;
import org.socialwork.personnel.Refusals;
import org.socialwork.platform.problem.Messages;
import org.socialwork.platform.problem.Problem;
import org.socialwork.platform.problem.ProblemException;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.time.BusinessClock;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The HR-system integration: each item is created, updated or left unchanged in its own
 * transaction, so a bad item never undoes the good ones, and an item that changes nothing writes
 * nothing (no new version, no event): a resent batch is a no-op.
 */
@ApplicationScoped
public class WorkerBatchService {

    private static final Logger LOG = Logger.getLogger(WorkerBatchService.class);
    /** Refusals an item meets when another transaction created its worker after this one looked it up. */
    private static final Set<String> CONCURRENT_CREATE = Set.of("worker.id-number.taken", "worker.external-id.taken");

    @Inject
    WorkerService service;

    @Inject
    WorkerRepository workers;

    @Inject
    EmploymentRepository employments;

    @Inject
    WorkerSnapshots snapshots;

    @Inject
    CallerScope caller;

    @Inject
    BusinessClock clock;

    @Inject
    org.socialwork.platform.personaldata.PersonalDataCipher cipher;

    public WorkerBatchResult run(WorkerBatchRequest request, Locale locale, String instance) {
        caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN);
        QuarkusTransaction.requiringNew().run(() -> service.requireEmployer(request.agencyId(), "agencyId"));
        List<WorkerBatchResult.ItemResult> results = new ArrayList<>(request.items().size());
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int rejected = 0;
        for (int i = 0; i < request.items().size(); i++) {
            WorkerBatchRequest.Item item = request.items().get(i);
            WorkerBatchResult.ItemResult result;
            try {
                int index = i;
                result = upsertOnce(index, request.agencyId(), item);
            } catch (ProblemException e) {
                result = new WorkerBatchResult.ItemResult(i, item == null ? null : item.externalId(),
                        WorkerBatchResult.Outcome.REJECTED, null, null, problem(e, locale, instance + "#items/" + i));
            } catch (RuntimeException e) {
                String incident = UUID.randomUUID().toString();
                LOG.errorf(e, "incident %s: batch item %d of agency %s failed", incident, i, request.agencyId());
                result = new WorkerBatchResult.ItemResult(i, item == null ? null : item.externalId(),
                        WorkerBatchResult.Outcome.REJECTED, null, null,
                        problem(Problems.of(org.socialwork.platform.problem.ProblemType.INTERNAL,
                                "worker.batch.item-failed", incident), locale, instance + "#items/" + i));
            }
            switch (result.status()) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
                case REJECTED -> rejected++;
            }
            results.add(result);
        }
        return new WorkerBatchResult(created, updated, unchanged, rejected, results);
    }

    /**
     * Upserts one item in its own transaction. Should the item's worker be created by another
     * transaction between this one's look-up and its insert (a phone or HR system resending the batch
     * while the first attempt still commits: the fault suite saw it), the insert meets that worker's
     * unique ID number or external id; the item is then tried once more, when the external id finds the
     * committed worker and decides, instead of refusing the caller's own write.
     */
    private WorkerBatchResult.ItemResult upsertOnce(int index, UUID agencyId, WorkerBatchRequest.Item item) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> upsert(index, agencyId, item));
        } catch (ProblemException e) {
            if (!CONCURRENT_CREATE.contains(e.messageKey())) {
                throw e;
            }
            return QuarkusTransaction.requiringNew().call(() -> upsert(index, agencyId, item));
        }
    }

    private WorkerBatchResult.ItemResult upsert(int index, UUID agencyId, WorkerBatchRequest.Item item) {
        validate(item);
        WorkerService.Identity identity = service.identity(item.idNumber(), item.phone());
        service.requirePayScale(item.post(), item.grade());
        Optional<Worker> existing = workers.byExternalId(agencyId, item.externalId().strip());
        if (existing.isEmpty()) {
            Worker worker = new Worker();
            worker.id = UUID.randomUUID();
            worker.externalId = item.externalId().strip();
            service.applyIdentity(worker, identity);
            worker.name = item.name().strip();
            worker.education = item.education();
            worker.socialWorkDegree = item.socialWorkDegree();
            worker.qualificationLevel = QualificationLevel.NONE;
            worker.status = WorkerStatus.ACTIVE;
            worker.createdAt = clock.now();
            worker.updatedAt = worker.createdAt;
            WorkerService.applyEmployment(worker, agencyId, item.category(), item.post(), item.grade(), item.employedFrom(),
                    null);
            service.persistNew(worker);
            service.recordEmployment(worker);
            snapshots.publish(worker);
            return new WorkerBatchResult.ItemResult(index, worker.externalId, WorkerBatchResult.Outcome.CREATED,
                    worker.id, worker.version, null);
        }
        Worker worker = existing.get();
        if (!worker.idNumberIndex.equals(cipher.blindIndex(WorkerService.ID_INDEX_KIND, identity.idNumber().value()))) {
            throw Refusals.conflictOn("idNumber", "worker.batch.other-person", worker.externalId);
        }
        String phoneIndex = cipher.blindIndex(WorkerService.PHONE_INDEX_KIND, identity.phone());
        boolean identityChanged = !WorkerService.same(worker.name, item.name().strip())
                || !WorkerService.same(worker.phoneIndex, phoneIndex)
                || worker.education != item.education()
                || worker.socialWorkDegree != item.socialWorkDegree();
        boolean employmentChanged = worker.category != item.category()
                || !WorkerService.same(worker.post, item.post())
                || !WorkerService.same(worker.grade, item.grade())
                || !WorkerService.same(worker.employedFrom, item.employedFrom());
        if (!identityChanged && !employmentChanged) {
            return new WorkerBatchResult.ItemResult(index, worker.externalId, WorkerBatchResult.Outcome.UNCHANGED,
                    worker.id, worker.version, null);
        }
        if (employmentChanged) {
            service.requireEmployable(worker);
            WorkerService.applyEmployment(worker, agencyId, item.category(), item.post(), item.grade(), item.employedFrom(),
                    worker.employedUntil);
            Optional<Employment> open = employments.open(worker.id);
            if (open.isPresent()) {
                open.get().category = item.category();
                open.get().post = item.post();
                open.get().grade = item.grade();
                open.get().startedOn = item.employedFrom();
            } else {
                service.recordEmployment(worker);
            }
        }
        worker.name = item.name().strip();
        if (!WorkerService.same(worker.phoneIndex, phoneIndex)) {
            worker.phoneEnc = cipher.encrypt(WorkerSnapshots.PHONE_FIELD, identity.phone());
            worker.phoneIndex = phoneIndex;
        }
        worker.education = item.education();
        worker.socialWorkDegree = item.socialWorkDegree();
        service.touch(worker);
        return new WorkerBatchResult.ItemResult(index, worker.externalId, WorkerBatchResult.Outcome.UPDATED, worker.id,
                worker.version, null);
    }

    private static void validate(WorkerBatchRequest.Item item) {
        if (item == null) {
            throw Problems.invalidField("item", "worker.batch.field-required", "item");
        }
        require(item.externalId() != null && !item.externalId().isBlank() && item.externalId().length() <= 64, "externalId");
        require(item.name() != null && !item.name().isBlank() && item.name().length() <= 100, "name");
        require(item.idNumber() != null && !item.idNumber().isBlank(), "idNumber");
        require(item.education() != null, "education");
        require(item.socialWorkDegree() != null, "socialWorkDegree");
        require(item.category() != null, "category");
        require(item.post() != null, "post");
        require(item.grade() != null, "grade");
        require(item.employedFrom() != null, "employedFrom");
    }

    private static void require(boolean ok, String field) {
        if (!ok) {
            throw Problems.invalidField(field, "worker.batch.field-required", field);
        }
    }

    private static Problem problem(ProblemException e, Locale locale, String instance) {
        return ProblemResponses.document(e, locale, instance);
    }
}
