package org.socialwork.reporting.warning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.socialwork.platform.outbox.Outbox;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.platform.web.Page;
import org.socialwork.platform.web.PageRequest;
import org.socialwork.platform.web.Preconditions;
import org.socialwork.reporting.dashboard.RegionScope;
import org.socialwork.reporting.readmodel.Generations;
import org.socialwork.reporting.support.Jdbc;

import io.quarkus.scheduler.Scheduled;

/**
 * Raises warnings the rules find, resolves those whose condition cleared, and lets bureau admins
 * acknowledge and resolve them. Every new or changed warning is published on reporting.warning.v1
 * through the outbox in the same transaction.
 */
@ApplicationScoped
public class WarningService {

    /** Result of one evaluation. */
    @Schema(name = "WarningEvaluation",
            description = "What one evaluation of the warning rules raised and resolved (预警评估结果)")
    public record Evaluation(int raised, int resolved, int open) {
    }

    /** Warnings name clients, workers and projects: bureau users only, not the dashboard role. */
    static final String[] WARNING_READERS = {Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER};

    @Inject
    WarningRepository warnings;

    @Inject
    WarningRules rules;

    @Inject
    Generations generations;

    @Inject
    Outbox outbox;

    @Inject
    CallerScope caller;

    @Inject
    RegionScope scope;

    @Inject
    Jdbc jdbc;

    @Inject
    BusinessClock clock;

    @Scheduled(every = "${reporting.warnings.evaluate-every}", delayed = "${reporting.warnings.evaluate-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        evaluate(clock.today());
    }

    /** For platform admins: evaluate now, as of {@code today}. */
    @Transactional
    public Evaluation evaluateNow(LocalDate today) {
        caller.requireAnyRole(Roles.PLATFORM_ADMIN);
        return evaluate(today);
    }

    @Transactional
    Evaluation evaluate(LocalDate today) {
        // One evaluation at a time across replicas; a concurrent one simply waits its turn.
        jdbc.one("select pg_advisory_xact_lock(5250001)", rs -> null);
        Map<String, Candidate> found = WarningRules.byKey(rules.evaluate(generations.active(), today));
        int raised = 0;
        int resolved = 0;
        OffsetDateTime now = clock.now();
        List<Warning> open = warnings.unresolved();
        for (Warning w : open) {
            String key = w.kind + "|" + w.subjectType + "|" + w.subjectId;
            Candidate still = found.remove(key);
            if (still == null) {
                w.status = WarningStatus.RESOLVED.name();
                w.updatedBy = "system";
                change(w, now);
                resolved++;
            } else if (refreshed(w, still)) {
                w.updatedBy = "system";
                change(w, now);
            }
        }
        for (Candidate c : found.values()) {
            Warning w = new Warning();
            w.id = UUID.randomUUID();
            w.kind = c.kind();
            w.regionCode = c.regionCode();
            w.subjectType = c.subjectType();
            w.subjectId = c.subjectId();
            w.severity = c.severity();
            w.detail = c.detail();
            w.measured = c.measured();
            w.threshold = c.threshold();
            w.status = WarningStatus.OPEN.name();
            w.raisedAt = now;
            w.updatedAt = now;
            w.version = 1;
            warnings.persist(w);
            publish(w);
            raised++;
        }
        return new Evaluation(raised, resolved, open.size() - resolved + raised);
    }

    /** One keyset page of the warnings of a region subtree, newest first. */
    @Transactional
    public Page<WarningView> page(String region, WarningStatus status, WarningKind kind, PageRequest page, UriInfo uri) {
        caller.requireAnyRole(WARNING_READERS);
        String code = scope.readable(generations.active(), region).code();
        List<WarningView> rows = warnings.inSubtree(code, status == null ? null : status.name(), kind == null ? null : kind.name(), page.cursor(), page.fetchSize()).stream()
                .map(WarningView::of).toList();
        return Page.of(rows, page.limit(), v -> v, WarningRepository::cursorOf, uri);
    }

    /** The newest {@code limit} (at most 200) warnings of a region subtree, for exports. */
    @Transactional
    public List<WarningView> newest(String region, WarningStatus status, WarningKind kind, int limit) {
        return page(region, status, kind, PageRequest.of(limit, null, 2), null).items();
    }

    @Transactional
    public WarningView get(UUID id) {
        Warning w = warnings.findById(id);
        // Callers who may not read warnings at all see no warning, as for one outside their region.
        if (w == null || !caller.hasAnyRole(WARNING_READERS) || !caller.coversRegion(w.regionCode)) {
            throw Problems.notFound("warning", id);
        }
        return WarningView.of(w);
    }

    @Transactional
    public WarningView transition(UUID id, String ifMatch, WarningStatus to) {
        caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN);
        Warning w = warnings.findForUpdate(id);
        if (w == null || !caller.coversRegion(w.regionCode)) {
            throw Problems.notFound("warning", id);
        }
        Preconditions.requireIfMatch(ifMatch, w.version);
        boolean allowed = to == WarningStatus.ACKNOWLEDGED ? WarningStatus.OPEN.name().equals(w.status)
                : !WarningStatus.RESOLVED.name().equals(w.status);
        if (!allowed) {
            throw Problems.rule("reporting.warning.transition", w.status, to);
        }
        w.status = to.name();
        w.updatedBy = caller.subject();
        change(w, clock.now());
        return WarningView.of(w);
    }

    /** An open warning whose condition still holds takes the latest severity and figures. */
    private static boolean refreshed(Warning w, Candidate c) {
        if (Objects.equals(w.severity, c.severity()) && Objects.equals(w.detail, c.detail())
                && sameNumber(w.measured, c.measured()) && sameNumber(w.threshold, c.threshold())) {
            return false;
        }
        w.severity = c.severity();
        w.detail = c.detail();
        w.measured = c.measured();
        w.threshold = c.threshold();
        return true;
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private void change(Warning w, OffsetDateTime now) {
        w.version++;
        w.updatedAt = now;
        publish(w);
    }

    private void publish(Warning w) {
        outbox.append(WarningView.TOPIC, WarningView.TYPE, w.id.toString(), WarningView.of(w));
    }
}
