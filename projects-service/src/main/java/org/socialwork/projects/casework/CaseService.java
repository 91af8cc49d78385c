package org.socialwork.projects.casework;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.platform.web.Preconditions;
import org.socialwork.projects.client.Client;
import org.socialwork.projects.client.ClientService;
import org.socialwork.projects.common.Json;
import org.socialwork.projects.replica.Replicas;
import org.socialwork.projects.replica.StationAccess;

import com.fasterxml.jackson.core.type.TypeReference;

/** Cases follow their client's scope: whoever may see the client may see the case. */
@ApplicationScoped
public class CaseService {

    @Inject
    BusinessClock clock;

    @Inject
    CaseRepository cases;

    @Inject
    ClientService clients;

    @Inject
    Replicas replicas;

    @Inject
    StationAccess stations;

    @Inject
    CallerScope caller;

    @Inject
    Json json;

    @Inject
    EntityManager em;

    @Transactional
    public CaseView open(CaseOpenRequest request) {
        caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.AGENCY_ADMIN, Roles.FIELD_WORKER);
        Client client = clients.readable(request.clientId());
        requireWritable(client.stationId);
        if (replicas.worker(request.workerId()).isEmpty()) {
            throw Problems.rule("client.worker.unknown", request.workerId());
        }
        CaseFile c = new CaseFile();
        c.id = UUID.randomUUID();
        c.clientId = client.id;
        c.workerId = request.workerId();
        c.stationId = client.stationId;
        c.problemAreas = json.write(request.problemAreas());
        c.plan = request.plan() == null || request.plan().isBlank() ? null : request.plan().strip();
        c.status = CaseStatus.OPEN;
        c.openedOn = clock.today();
        c.createdAt = clock.now();
        c.updatedAt = c.createdAt;
        cases.persist(c);
        cases.flush();
        return view(c);
    }

    @Transactional
    public CaseView get(UUID id) {
        return view(readable(id));
    }

    @Transactional
    public CaseView refer(UUID id, String ifMatch, CaseReferralRequest request) {
        CaseFile c = writable(id, ifMatch);
        if (request.toStationId() == null && request.toAgencyId() == null) {
            throw Problems.invalidField("toStationId", "case.referral.target");
        }
        if (request.toStationId() != null && replicas.station(request.toStationId()).isEmpty()) {
            throw Problems.rule("case.referral.station.unknown", request.toStationId());
        }
        if (request.toAgencyId() != null && !replicas.agencyExists(request.toAgencyId())) {
            throw Problems.rule("case.referral.agency.unknown", request.toAgencyId());
        }
        c.referral = json.write(new CaseView.Referral(request.toStationId(), request.toAgencyId(), request.reason().strip(),
                clock.today()));
        c.status = CaseStatus.REFERRED;
        return touch(c);
    }

    @Transactional
    public CaseView close(UUID id, String ifMatch, CaseClosureRequest request) {
        CaseFile c = writable(id, ifMatch);
        c.outcome = request.outcome().strip();
        c.status = CaseStatus.CLOSED;
        c.closedOn = clock.today();
        return touch(c);
    }

    private CaseFile readable(UUID id) {
        CaseFile c = cases.findByIdOptional(id).orElseThrow(() -> Problems.notFound("case", id));
        try {
            clients.readable(c.clientId);
        } catch (RuntimeException hidden) {
            throw Problems.notFound("case", id);
        }
        return c;
    }

    private CaseFile writable(UUID id, String ifMatch) {
        CaseFile c = readable(id);
        Preconditions.requireIfMatch(ifMatch, c.version);
        requireWritable(c.stationId);
        if (c.status == CaseStatus.CLOSED) {
            throw Problems.conflict("case.closed", c.id);
        }
        return c;
    }

    private void requireWritable(UUID stationId) {
        Replicas.Station station = replicas.station(stationId)
                .orElseThrow(() -> Problems.rule("client.station.unknown", stationId));
        if (!stations.canWrite(station)) {
            throw Problems.forbidden("client.forbidden.station", station.name());
        }
    }

    private CaseView touch(CaseFile c) {
        c.updatedAt = clock.now();
        cases.flush();
        return view(c);
    }

    private CaseView view(CaseFile c) {
        @SuppressWarnings("unchecked")
        List<UUID> sessions = em.createNativeQuery(
                "select id from service_record where case_id = ?1 order by occurred_at, id").setParameter(1, c.id)
                .getResultList();
        return new CaseView(c.id, c.version, c.clientId, c.workerId, c.stationId,
                json.read(c.problemAreas, new TypeReference<List<String>>() {
                }), c.plan, c.status, json.read(c.referral, CaseView.Referral.class), c.outcome, c.openedOn, c.closedOn,
                sessions, c.createdAt, c.updatedAt);
    }
}
