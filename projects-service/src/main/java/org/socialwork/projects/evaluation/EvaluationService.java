package org.socialwork.projects.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.socialwork.platform.outbox.Outbox;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.platform.security.Roles;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.platform.web.Preconditions;
import org.socialwork.projects.common.Json;
import org.socialwork.projects.project.Project;
import org.socialwork.projects.project.ProjectService;

import com.fasterxml.jackson.core.type.TypeReference;

@ApplicationScoped
public class EvaluationService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /**
     * Who works with the criteria: the bureaus that evaluate, the agencies whose projects are
     * evaluated and the evaluators. Field workers and dashboards do not.
     */
    private static final String[] TEMPLATE_READERS = {Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN, Roles.BUREAU_VIEWER,
            Roles.AGENCY_ADMIN, Roles.EVALUATOR};

    @Inject
    BusinessClock clock;

    @Inject
    EvaluationTemplateRepository templates;

    @Inject
    EvaluationRepository evaluations;

    @Inject
    ProjectService projects;

    @Inject
    CallerScope caller;

    @Inject
    Outbox outbox;

    @Inject
    Json json;

    @Transactional
    public TemplateView createTemplate(TemplateRequest request) {
        caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.BUREAU_ADMIN);
        BigDecimal total = BigDecimal.ZERO;
        java.util.Set<String> codes = new java.util.HashSet<>();
        for (TemplateDimension d : request.dimensions()) {
            for (TemplateIndicator i : d.indicators()) {
                total = total.add(i.weight());
                if (!codes.add(i.code())) {
                    throw Problems.invalidField("dimensions", "evaluation.indicator.duplicate", i.code());
                }
            }
        }
        if (total.compareTo(HUNDRED) != 0) {
            throw Problems.rule("evaluation.weights", total.stripTrailingZeros().toPlainString());
        }
        EvaluationTemplate t = new EvaluationTemplate();
        t.id = UUID.randomUUID();
        t.name = request.name().strip();
        t.dimensions = json.write(request.dimensions());
        t.createdAt = clock.now();
        templates.persist(t);
        templates.flush();
        return view(t);
    }

    @Transactional
    public TemplateView template(UUID id) {
        if (!caller.hasAnyRole(TEMPLATE_READERS)) {
            throw Problems.notFound("evaluation template", id);
        }
        return view(templates.findByIdOptional(id).orElseThrow(() -> Problems.notFound("evaluation template", id)));
    }

    @Transactional
    public List<TemplateView> templates() {
        caller.requireAnyRole(TEMPLATE_READERS);
        return templates.listAll(io.quarkus.panache.common.Sort.by("createdAt")).stream().map(this::view).toList();
    }

    @Transactional
    public EvaluationView create(EvaluationRequest request) {
        Project project = projects.readable(request.projectId());
        if (!projects.canManage(project)) {
            throw Problems.forbidden("project.forbidden.manage", project.code);
        }
        EvaluationTemplate template = templates.findByIdOptional(request.templateId())
                .orElseThrow(() -> Problems.rule("evaluation.template.unknown", request.templateId()));
        BigDecimal total = request.assessors().stream().map(AssessorRequest::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(HUNDRED) != 0) {
            throw Problems.rule("evaluation.assessor-weights", total.stripTrailingZeros().toPlainString());
        }
        if (request.assessors().stream().map(AssessorRequest::kind).distinct().count() != request.assessors().size()) {
            throw Problems.invalidField("assessors", "evaluation.assessor.duplicate");
        }
        Evaluation e = new Evaluation();
        e.id = UUID.randomUUID();
        e.projectId = project.id;
        e.templateId = template.id;
        e.kind = request.kind();
        e.status = EvaluationStatus.IN_PROGRESS;
        e.assessors = json.write(request.assessors().stream()
                .map(a -> new Assessor(a.kind(), a.subject().strip(), a.weight(), null)).toList());
        e.rectifications = json.write(List.of());
        e.createdAt = clock.now();
        e.updatedAt = e.createdAt;
        evaluations.persist(e);
        evaluations.flush();
        return publish(e, project);
    }

    @Transactional
    public EvaluationView get(UUID id) {
        Evaluation e = readable(id);
        return view(e);
    }

    /** An assessor enters its scores: the assessor's subject itself, or the purchasing bureau on its behalf. */
    @Transactional
    public EvaluationView score(UUID id, String ifMatch, ScoresRequest request) {
        Evaluation e = readable(id);
        Project project = projects.readable(e.projectId);
        Preconditions.requireIfMatch(ifMatch, e.version);
        requireOpen(e);
        List<Assessor> assessors = assessors(e);
        int index = -1;
        for (int i = 0; i < assessors.size(); i++) {
            if (assessors.get(i).kind() == request.assessor()) {
                index = i;
            }
        }
        if (index < 0) {
            throw Problems.rule("evaluation.assessor.unknown", request.assessor());
        }
        Assessor assessor = assessors.get(index);
        if (!caller.subject().equals(assessor.subject()) && !projects.canManage(project)) {
            throw Problems.forbidden("evaluation.forbidden.assessor", request.assessor());
        }
        List<String> codes = indicators(templates.findById(e.templateId)).stream().map(TemplateIndicator::code).toList();
        if (!request.scores().keySet().equals(new java.util.HashSet<>(codes))) {
            throw Problems.invalidField("scores", "evaluation.scores.indicators", String.join(", ", codes));
        }
        assessors.set(index, new Assessor(assessor.kind(), assessor.subject(), assessor.weight(),
                new java.util.TreeMap<>(request.scores())));
        e.assessors = json.write(assessors);
        return touch(e, project);
    }

    /** Computes the weighted score once every assessor has scored, and the grade. */
    @Transactional
    public EvaluationView complete(UUID id, String ifMatch) {
        Evaluation e = readable(id);
        Project project = projects.readable(e.projectId);
        if (!projects.canManage(project)) {
            throw Problems.forbidden("project.forbidden.manage", project.code);
        }
        Preconditions.requireIfMatch(ifMatch, e.version);
        requireOpen(e);
        List<TemplateIndicator> indicators = indicators(templates.findById(e.templateId));
        BigDecimal score = BigDecimal.ZERO;
        for (Assessor a : assessors(e)) {
            if (a.scores() == null) {
                throw Problems.rule("evaluation.scores.missing", a.kind());
            }
            score = score.add(weightedSum(a, indicators).multiply(a.weight()));
        }
        e.score = score.divide(BigDecimal.valueOf(10_000), 2, RoundingMode.HALF_UP);
        e.grade = Grade.of(e.score);
        e.status = EvaluationStatus.COMPLETED;
        e.completedOn = clock.today();
        return touch(e, project);
    }

    @Transactional
    public EvaluationView addRectification(UUID id, String ifMatch, RectificationRequest request) {
        Evaluation e = readable(id);
        Project project = managed(e);
        Preconditions.requireIfMatch(ifMatch, e.version);
        List<Rectification> items = new ArrayList<>(rectifications(e));
        items.add(new Rectification(UUID.randomUUID(), request.description().strip(), request.dueOn(), null));
        e.rectifications = json.write(items);
        return touch(e, project);
    }

    @Transactional
    public EvaluationView closeRectification(UUID id, UUID rectificationId, String ifMatch, ClosureRequest request) {
        Evaluation e = readable(id);
        Project project = projects.readable(e.projectId);
        if (!projects.canManage(project) && !caller.actsForAgency(project.contractorAgencyId)) {
            throw Problems.forbidden("project.forbidden.manage", project.code);
        }
        Preconditions.requireIfMatch(ifMatch, e.version);
        List<Rectification> items = new ArrayList<>();
        boolean found = false;
        for (Rectification r : rectifications(e)) {
            if (r.id().equals(rectificationId)) {
                found = true;
                if (r.closedOn() != null) {
                    throw Problems.conflict("evaluation.rectification.closed", r.id(), r.closedOn());
                }
                items.add(new Rectification(r.id(), r.description(), r.dueOn(), request.closedOn()));
            } else {
                items.add(r);
            }
        }
        if (!found) {
            throw Problems.notFound("rectification", rectificationId);
        }
        e.rectifications = json.write(items);
        return touch(e, project);
    }

    private Project managed(Evaluation e) {
        Project project = projects.readable(e.projectId);
        if (!projects.canManage(project) && !(caller.hasRole(Roles.EVALUATOR)
                && assessors(e).stream().anyMatch(a -> a.subject().equals(caller.subject())))) {
            throw Problems.forbidden("project.forbidden.manage", project.code);
        }
        return project;
    }

    /** The evaluation if its project is visible to the caller (evaluators: projects assigned to them). */
    private Evaluation readable(UUID id) {
        Evaluation e = evaluations.findByIdOptional(id).orElseThrow(() -> Problems.notFound("evaluation", id));
        try {
            projects.readable(e.projectId);
        } catch (RuntimeException notVisible) {
            throw Problems.notFound("evaluation", id);
        }
        return e;
    }

    private static void requireOpen(Evaluation e) {
        if (e.status == EvaluationStatus.COMPLETED) {
            throw Problems.conflict("evaluation.completed", e.id);
        }
    }

    private EvaluationView touch(Evaluation e, Project project) {
        e.updatedAt = clock.now();
        evaluations.flush();
        return publish(e, project);
    }

    private EvaluationView publish(Evaluation e, Project p) {
        outbox.append(EvaluationChangedEvent.TOPIC, EvaluationChangedEvent.TYPE, e.id.toString(),
                new EvaluationChangedEvent(e.id, e.version, e.projectId, p.purchaserRegionCode, p.contractorAgencyId,
                        projects.stations(p), e.kind, e.status, e.score, e.grade, e.completedOn, rectifications(e),
                        e.createdAt, e.updatedAt));
        return view(e);
    }

    private EvaluationView view(Evaluation e) {
        return new EvaluationView(e.id, e.version, e.projectId, e.templateId, e.kind, e.status, assessors(e), e.score,
                e.grade, e.completedOn, rectifications(e), e.createdAt, e.updatedAt);
    }

    private TemplateView view(EvaluationTemplate t) {
        return new TemplateView(t.id, t.version, t.name, dimensions(t), t.createdAt);
    }

    private List<TemplateDimension> dimensions(EvaluationTemplate t) {
        return json.read(t.dimensions, new TypeReference<List<TemplateDimension>>() {
        });
    }

    /**
     * The SATISFACTION_RATE actual of a project: the score (0–100) its clients gave in the latest
     * evaluation completed on or before {@code day} that had a CLIENT_SATISFACTION assessor.
     */
    public Optional<BigDecimal> clientSatisfaction(UUID projectId, LocalDate day) {
        List<Evaluation> completed = evaluations.list(
                "projectId = ?1 and status = ?2 and completedOn <= ?3 order by completedOn desc, updatedAt desc",
                projectId, EvaluationStatus.COMPLETED, day);
        for (Evaluation e : completed) {
            for (Assessor a : assessors(e)) {
                if (a.kind() == AssessorKind.CLIENT_SATISFACTION && a.scores() != null) {
                    BigDecimal sum = weightedSum(a, indicators(templates.findById(e.templateId)));
                    return Optional.of(sum.divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
                }
            }
        }
        return Optional.empty();
    }

    /** One assessor's scores weighted by the template's indicator weights (which add up to 100): 0–10,000. */
    private static BigDecimal weightedSum(Assessor a, List<TemplateIndicator> indicators) {
        BigDecimal sum = BigDecimal.ZERO;
        for (TemplateIndicator i : indicators) {
            sum = sum.add(i.weight().multiply(a.scores().get(i.code())));
        }
        return sum;
    }

    private List<TemplateIndicator> indicators(EvaluationTemplate t) {
        return dimensions(t).stream().flatMap(d -> d.indicators().stream()).toList();
    }

    private List<Assessor> assessors(Evaluation e) {
        return new ArrayList<>(json.read(e.assessors, new TypeReference<List<Assessor>>() {
        }));
    }

    private List<Rectification> rectifications(Evaluation e) {
        return json.read(e.rectifications, new TypeReference<List<Rectification>>() {
        });
    }

}
