package org.socialwork.projects.period;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.socialwork.platform.events.CloudEvent;
import org.socialwork.platform.inbox.EventHandler;
import org.socialwork.platform.inbox.Inbox;
import org.socialwork.projects.common.Json;

/** Keeps the locks that reporting-service announces; a later snapshot with locked=false reopens. */
@ApplicationScoped
public class PeriodLockConsumer implements EventHandler {

    public static final String TOPIC = "reporting.period.v1";

    @Inject
    Inbox inbox;

    @Inject
    EntityManager em;

    @Inject
    Json json;

    @Override
    public String name() {
        return "period-locks";
    }

    @Override
    public List<String> topics() {
        return List.of(TOPIC);
    }

    @Override
    public void handle(String topic, CloudEvent event) {
        PeriodChanged p = json.read(event.dataAsString(), PeriodChanged.class);
        if (p.id() == null || p.regionCode() == null || p.periodStart() == null || p.periodEnd() == null
                || p.locked() == null) {
            throw new IllegalArgumentException("period snapshot without id, regionCode, periodStart, periodEnd or locked");
        }
        if (p.periodEnd().isBefore(p.periodStart())) {
            throw new IllegalArgumentException("period ends before it starts");
        }
        inbox.applySnapshot(event.id(), topic, "period", p.id(), p.version(), () -> em.createNativeQuery("""
                insert into period_lock (id, region_code, period_type, period_start, period_end, locked, version)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                on conflict (id) do update set region_code = excluded.region_code, period_type = excluded.period_type,
                    period_start = excluded.period_start, period_end = excluded.period_end, locked = excluded.locked,
                    version = excluded.version""")
                .setParameter(1, p.id()).setParameter(2, p.regionCode())
                .setParameter(3, p.periodType() == null ? "MONTH" : p.periodType())
                .setParameter(4, p.periodStart()).setParameter(5, p.periodEnd()).setParameter(6, p.locked())
                .setParameter(7, p.version()).executeUpdate());
    }
}
