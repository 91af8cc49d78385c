package org.socialwork.reporting.reconciliation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.jboss.logging.Logger;
import org.socialwork.platform.reconciliation.SourceScope;
import org.socialwork.platform.reconciliation.SourceTotals;
import org.socialwork.platform.security.CallerScope;
import org.socialwork.reporting.dashboard.DashboardViews.PeriodView;
import org.socialwork.reporting.dashboard.Period;
import org.socialwork.reporting.dashboard.RegionRef;
import org.socialwork.reporting.readmodel.AppliedClock;
import org.socialwork.reporting.reconciliation.ReconciliationView.Figure;
import org.socialwork.reporting.reconciliation.ReconciliationView.SourceStatus;
import org.socialwork.reporting.reconciliation.ReconciliationView.Status;

/**
 * Compares the read models with the producers' source totals. The producers count first and
 * reporting after them: an event committed at a producer before it counted has had that much
 * longer to reach the read models, so a lasting difference is a real one, not one in flight.
 * Nothing is held open (no transaction, no connection) while the producers are called.
 */
@ApplicationScoped
public class ReconciliationService {

    private static final Logger LOG = Logger.getLogger(ReconciliationService.class);

    @Inject
    CallerScope caller;

    @Inject
    RollupTotals rollups;

    @Inject
    ProducerTotals producers;

    @Inject
    AppliedClock clock;

    @Inject
    ReconciliationMetrics metrics;

    public ReconciliationView reconcile(String regionCode, Period period, String authorization) {
        caller.requireAnyRole(SourceScope.READERS);
        RollupTotals.Resolved resolved = rollups.resolve(regionCode);
        RegionRef region = resolved.region();
        Map<Producer, SourceTotals> answers = new EnumMap<>(Producer.class);
        List<SourceStatus> sources = new ArrayList<>();
        for (Producer producer : Producer.values()) {
            try {
                SourceTotals totals = producers.read(producer, authorization, region.code(), period);
                answers.put(producer, totals);
                sources.add(new SourceStatus(producer.service(), Status.OK, totals.asOf(), null));
            } catch (WebApplicationException e) {
                int status = e.getResponse().getStatus();
                sources.add(new SourceStatus(producer.service(), status >= 500 ? Status.UNAVAILABLE : Status.REFUSED, null,
                        producer.service() + " answered " + status));
            } catch (ProcessingException | FaultToleranceException e) {
                LOG.warnf("reconciliation: %s unavailable: %s", producer.service(), e.getMessage());
                sources.add(new SourceStatus(producer.service(), Status.UNAVAILABLE, null,
                        producer.service() + " did not answer: " + e.getClass().getSimpleName()));
            } catch (RuntimeException e) {
                // An answer that is not source totals: the producer is there but of no use to this comparison.
                LOG.warnf(e, "reconciliation: %s gave no usable totals", producer.service());
                sources.add(new SourceStatus(producer.service(), Status.UNAVAILABLE, null,
                        producer.service() + " gave no usable totals: " + e.getClass().getSimpleName()));
            }
        }
        int gen = resolved.gen();
        Map<Producer, Map<String, Long>> ours = new EnumMap<>(Producer.class);
        ours.put(Producer.STATIONS, rollups.stations(gen, region));
        ours.put(Producer.PERSONNEL, rollups.workers(gen, region));
        ours.put(Producer.PROJECTS, rollups.serviceRecords(gen, region, period));
        List<Figure> figures = new ArrayList<>();
        for (Producer producer : Producer.values()) {
            figures.addAll(compare(producer, answers.get(producer), ours.get(producer)));
        }
        boolean consistent = sources.stream().allMatch(s -> s.status() == Status.OK) && figures.stream().allMatch(Figure::ok);
        ReconciliationView view = new ReconciliationView(region, PeriodView.of(period), consistent, clock.asOf(), sources,
                figures);
        metrics.record(view);
        return view;
    }

    /** Every measure either side names, in the producer's order; one a side does not name is zero there. */
    static List<Figure> compare(Producer producer, SourceTotals source, Map<String, Long> reporting) {
        Map<String, Long> theirs = source == null ? Map.of() : source.byMeasure();
        Map<String, Boolean> measures = new LinkedHashMap<>();
        theirs.keySet().forEach(m -> measures.put(m, true));
        reporting.keySet().forEach(m -> measures.put(m, true));
        List<Figure> figures = new ArrayList<>();
        for (String measure : measures.keySet()) {
            long ourValue = reporting.getOrDefault(measure, 0L);
            if (source == null) {
                figures.add(new Figure(producer.service(), measure, null, ourValue, null, false));
                continue;
            }
            long theirValue = theirs.getOrDefault(measure, 0L);
            if (theirValue == 0 && ourValue == 0) {
                continue;
            }
            figures.add(new Figure(producer.service(), measure, theirValue, ourValue, ourValue - theirValue,
                    ourValue == theirValue));
        }
        return figures;
    }
}
