package org.socialwork.personnel.dishonesty;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.socialwork.personnel.PersonnelConfig;
import org.socialwork.personnel.worker.Worker;
import org.socialwork.personnel.worker.WorkerRepository;
import org.socialwork.personnel.worker.WorkerScope;
import org.socialwork.personnel.worker.WorkerService;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.time.BusinessClock;

/**
 * The dishonesty list is kept by the bureau: only a bureau admin (for workers in its scope) or a
 * platform admin lists and delists. The worker's snapshot announces the status.
 */
@ApplicationScoped
public class DishonestyService {

    @Inject
    DishonestyListingRepository listings;

    @Inject
    WorkerScope workerScope;

    @Inject
    WorkerRepository workers;

    @Inject
    WorkerService workerService;

    @Inject
    PersonnelConfig config;

    @Inject
    CallerScope caller;

    @Inject
    BusinessClock clock;

    @Transactional
    public ListingView list(UUID workerId, ListingRequest request) {
        Worker worker = workerScope.readable(workerId);
        caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN);
        workerScope.requireWriter(worker);
        LocalDate today = clock.today();
        if (request.listedOn().isAfter(today)) {
            throw Problems.invalidField("listedOn", "dishonesty.future");
        }
        DishonestyListing l = new DishonestyListing();
        l.id = UUID.randomUUID();
        l.workerId = worker.id;
        l.reason = request.reason().strip();
        l.listedOn = request.listedOn();
        l.expiresOn = request.listedOn().plus(config.dishonestyListingDuration());
        l.listedBy = caller.subject();
        l.expiryAnnounced = !l.expiresOn.isAfter(today);
        l.createdAt = clock.now();
        listings.persist(l);
        listings.flush();
        workerService.touch(worker);
        return ListingView.of(l, today);
    }

    /** The listing if the caller may see its worker; otherwise, as for a missing one, 404. */
    @Transactional
    public ListingView get(UUID listingId) {
        DishonestyListing l = readable(listingId);
        return ListingView.of(l, clock.today());
    }

    @Transactional
    public ListingView delist(UUID listingId, DelistRequest request) {
        DishonestyListing l = readable(listingId);
        Worker worker = workerScope.readable(l.workerId);
        caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN);
        workerScope.requireWriter(worker);
        if (l.delistedOn != null) {
            throw Problems.conflict("dishonesty.already-delisted", l.delistedOn);
        }
        LocalDate today = clock.today();
        l.delistedOn = today;
        l.delistReason = request.reason().strip();
        l.delistedBy = caller.subject();
        listings.flush();
        workerService.touch(worker);
        return ListingView.of(l, today);
    }

    @Transactional
    public List<ListingView> ofWorker(UUID workerId) {
        workerScope.readable(workerId);
        LocalDate today = clock.today();
        return listings.ofWorker(workerId).stream().map(l -> ListingView.of(l, today)).toList();
    }

    private DishonestyListing readable(UUID listingId) {
        DishonestyListing l = listings.findByIdOptional(listingId)
                .orElseThrow(() -> Problems.notFound("dishonesty-listing", listingId));
        try {
            workerScope.readable(l.workerId);
        } catch (org.socialwork.platform.problem.ProblemException e) {
            throw Problems.notFound("dishonesty-listing", listingId);
        }
        return l;
    }
}
