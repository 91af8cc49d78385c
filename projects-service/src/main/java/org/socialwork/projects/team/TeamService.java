package org.socialwork.projects.team;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.platform.web.Preconditions;
import org.socialwork.projects.project.Project;
import org.socialwork.projects.project.ProjectService;
import org.socialwork.projects.project.ProjectStatus;
import org.socialwork.projects.project.ProjectView;
import org.socialwork.projects.replica.Replicas;

@ApplicationScoped
public class TeamService {

    @Inject
    BusinessClock clock;

    @Inject
    ProjectService projects;

    @Inject
    Replicas replicas;

    @Inject
    TeamChangeRepository changes;

    @Inject
    CallerScope caller;

    @Inject
    EntityManager em;

    @Transactional
    public ProjectView add(UUID projectId, MemberRequest request) {
        Project p = teamManageable(projectId);
        if (p.status.isFinal()) {
            throw Problems.conflict("project.final", p.code, p.status);
        }
        if (p.contractorAgencyId == null) {
            throw Problems.rule("team.no-contractor", p.code);
        }
        Replicas.Worker w = replicas.worker(request.workerId())
                .orElseThrow(() -> Problems.rule("team.worker.unknown", request.workerId()));
        if (!p.contractorAgencyId.equals(w.employerAgencyId()) || "LEFT".equals(w.status())) {
            throw Problems.rule("team.worker.not-employed", request.workerId());
        }
        if (w.dishonestyListed()) {
            throw Problems.rule("team.worker.dishonesty-listed", request.workerId());
        }
        int added = em.createNativeQuery("""
                insert into project_member (project_id, worker_id, role, since) values (?1, ?2, ?3, ?4)
                on conflict do nothing""")
                .setParameter(1, p.id).setParameter(2, w.id()).setParameter(3, request.role().name())
                .setParameter(4, request.since()).executeUpdate();
        if (added == 0) {
            throw Problems.conflict("team.worker.member", request.workerId());
        }
        if (p.status == ProjectStatus.IN_SERVICE) {
            projects.claimInService(p, w.id());
        }
        keep(p.id, w.id(), "JOINED", request.role().name(), null);
        return projects.touch(p);
    }

    @Transactional
    public ProjectView remove(UUID projectId, UUID workerId, String ifMatch, String reason) {
        Project p = teamManageable(projectId);
        Preconditions.requireIfMatch(ifMatch, p.version);
        @SuppressWarnings("unchecked")
        List<String> roles = em.createNativeQuery("delete from project_member where project_id = ?1 and worker_id = ?2 returning role")
                .setParameter(1, p.id).setParameter(2, workerId).getResultList();
        if (roles.isEmpty()) {
            throw Problems.notFound("team member", workerId);
        }
        em.createNativeQuery("delete from in_service_member where worker_id = ?1 and project_id = ?2")
                .setParameter(1, workerId).setParameter(2, p.id).executeUpdate();
        keep(p.id, workerId, "LEFT", roles.get(0), reason == null || reason.isBlank() ? null : reason.strip());
        return projects.touch(p);
    }

    @Transactional
    public List<TeamChangeView> changes(UUID projectId) {
        Project p = projects.readable(projectId);
        return changes.ofProject(p.id).stream().map(c -> new TeamChangeView(c.id, c.workerId, c.change, c.role, c.reason,
                c.changedAt, c.changedBy)).toList();
    }

    /** The purchasing bureau or the contractor's agency admin may change the team. */
    private Project teamManageable(UUID projectId) {
        Project p = projects.lockedReadable(projectId);
        if (!projects.canManage(p) && !caller.actsForAgency(p.contractorAgencyId)) {
            throw Problems.forbidden("project.forbidden.manage", p.code);
        }
        return p;
    }

    private void keep(UUID projectId, UUID workerId, String change, String role, String reason) {
        TeamChange c = new TeamChange();
        c.id = UUID.randomUUID();
        c.projectId = projectId;
        c.workerId = workerId;
        c.change = change;
        c.role = role;
        c.reason = reason;
        c.changedAt = clock.now();
        c.changedBy = caller.subject();
        changes.persist(c);
    }
}
