package org.socialwork.reporting.readmodel;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.socialwork.platform.time.BusinessClock;
import org.socialwork.reporting.support.Jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes one event's payload into the read models of one generation; the rollup changes of service
 * records are gathered per transaction and written by {@link #flush()}. Every write is guarded by
 * the data itself (a snapshot only replaces an older version, a service record only a lower
 * revision), so applying the same event twice or out of order changes nothing: this is what
 * makes a rebuild, which bypasses the inbox, converge to the live figures.
 */
@ApplicationScoped
public class ReadModelWriter {

    static final int[] REGION_LEVELS = {2, 4, 6, 9, 12};

    @Inject
    Jdbc jdbc;

    @Inject
    ObjectMapper mapper;

    @Inject
    CoverageWriter coverage;

    @Inject
    DistinctClientWriter distinctClients;

    @Inject
    BusinessClock clock;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Transactional(Transactional.TxType.MANDATORY)
    public void write(int gen, Object payload) {
        if (payload instanceof Inbound.Region r) {
            region(gen, r);
        } else if (payload instanceof Inbound.Station s) {
            station(gen, s);
        } else if (payload instanceof Inbound.Agency a) {
            agency(gen, a);
        } else if (payload instanceof Inbound.Worker w) {
            worker(gen, w);
        } else if (payload instanceof Inbound.Assignment a) {
            assignment(gen, a);
        } else if (payload instanceof Inbound.Training t) {
            training(gen, t);
        } else if (payload instanceof Inbound.Dispatch d) {
            dispatch(gen, d);
        } else if (payload instanceof Inbound.Volunteer v) {
            volunteer(gen, v);
        } else if (payload instanceof Inbound.Project p) {
            project(gen, p);
        } else if (payload instanceof Inbound.Client c) {
            client(gen, c);
        } else if (payload instanceof Inbound.Need n) {
            need(gen, n);
        } else if (payload instanceof Inbound.Evaluation e) {
            evaluation(gen, e);
        } else if (payload instanceof Inbound.ServiceRecord r) {
            serviceRecord(gen, r);
        } else {
            throw new IllegalArgumentException("no read model for " + payload.getClass().getSimpleName());
        }
    }

    private void region(int gen, Inbound.Region r) {
        boolean retired = r.mergedInto() != null || (r.validTo() != null && !r.validTo().isAfter(clock.today()));
        jdbc.update("""
                insert into rm_region (gen, code, name, level, parent_code, retired, version) values (?, ?, ?, ?, ?, ?, ?)
                on conflict (gen, code) do update set name = excluded.name, level = excluded.level,
                  parent_code = excluded.parent_code, retired = excluded.retired, version = excluded.version
                where rm_region.version < excluded.version""",
                gen, r.code(), r.name(), r.level(), r.parentCode(), retired, r.version());
        coverage.region(gen, r.code(), r.level());
    }

    private void station(int gen, Inbound.Station s) {
        List<Inbound.Designation> designations = s.designations() == null ? List.of() : s.designations();
        boolean pilot = designations.stream().anyMatch(d -> "PILOT".equals(d.kind()));
        boolean demonstration = designations.stream().anyMatch(d -> "DEMONSTRATION".equals(d.kind()));
        jdbc.update("""
                insert into rm_station (gen, id, name, level, region_code, status, meets_standard, built_and_operating,
                  agency_id, pilot, demonstration, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (gen, id) do update set name = excluded.name, level = excluded.level,
                  region_code = excluded.region_code, status = excluded.status, meets_standard = excluded.meets_standard,
                  built_and_operating = excluded.built_and_operating, agency_id = excluded.agency_id,
                  pilot = excluded.pilot, demonstration = excluded.demonstration, version = excluded.version
                where rm_station.version < excluded.version""",
                gen, s.id(), s.name(), s.level(), s.regionCode(), s.status(), s.meetsStandard(), s.builtAndOperating(),
                s.agencyId(), pilot, demonstration, s.version());
        // The state holds from its effective day (a transition may be recorded after the fact); older
        // snapshots without one hold from the day they were written.
        LocalDate day = s.effectiveOn() != null ? s.effectiveOn()
                : s.updatedAt() == null ? clock.today() : clock.dayOf(s.updatedAt());
        coverage.station(gen, s.id(), s.version(), day,
                CoverageWriter.Unit.of(s.level(), s.status(), s.meetsStandard(), s.regionCode()));
    }

    private void agency(int gen, Inbound.Agency a) {
        jdbc.update("""
                insert into rm_agency (gen, id, name, registration_region, grade, status, version) values (?, ?, ?, ?, ?, ?, ?)
                on conflict (gen, id) do update set name = excluded.name, registration_region = excluded.registration_region,
                  grade = excluded.grade, status = excluded.status, version = excluded.version
                where rm_agency.version < excluded.version""",
                gen, a.id(), a.name(), a.registrationRegion(), a.grade(), a.status(), a.version());
    }

    private void worker(int gen, Inbound.Worker w) {
        jdbc.update("""
                insert into rm_worker (gen, id, employer_agency_id, category, qualification_level, registered, status,
                  employed_from, employed_until, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (gen, id) do update set employer_agency_id = excluded.employer_agency_id,
                  category = excluded.category, qualification_level = excluded.qualification_level,
                  registered = excluded.registered, status = excluded.status, employed_from = excluded.employed_from,
                  employed_until = excluded.employed_until, version = excluded.version
                where rm_worker.version < excluded.version""",
                gen, w.id(), w.employerAgencyId(), w.category(), w.qualificationLevel(), w.registered(), w.status(),
                w.employedFrom(), w.employedUntil(), w.version());
    }

    private void assignment(int gen, Inbound.Assignment a) {
        jdbc.update("""
                insert into rm_assignment (gen, id, worker_id, station_id, station_region_code, category, role, full_time,
                  valid_from, valid_to, status, filing_late, filed_on, filing_days, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (gen, id) do update set worker_id = excluded.worker_id, station_id = excluded.station_id,
                  station_region_code = excluded.station_region_code, category = excluded.category, role = excluded.role,
                  full_time = excluded.full_time, valid_from = excluded.valid_from, valid_to = excluded.valid_to,
                  status = excluded.status, filing_late = excluded.filing_late, filed_on = excluded.filed_on,
                  filing_days = excluded.filing_days, version = excluded.version
                where rm_assignment.version < excluded.version""",
                gen, a.id(), a.workerId(), a.stationId(), a.stationRegionCode(), a.category(), a.role(), a.fullTime(),
                a.from(), a.to(), a.status(), a.filing() != null && a.filing().late(),
                a.filing() == null ? null : a.filing().filedOn(), a.filing() == null ? null : a.filing().daysAfterChange(),
                a.version());
    }

    private void training(int gen, Inbound.Training t) {
        List<Inbound.Attendance> attendance = t.attendance() == null ? List.of() : t.attendance();
        BigDecimal hours = attendance.stream().map(Inbound.Attendance::hours).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        jdbc.update("""
                insert into rm_training (gen, id, type, organizer_region_code, starts_on, attendees, attended_hours, version)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (gen, id) do update set type = excluded.type, organizer_region_code = excluded.organizer_region_code,
                  starts_on = excluded.starts_on, attendees = excluded.attendees, attended_hours = excluded.attended_hours,
                  version = excluded.version
                where rm_training.version < excluded.version""",
                gen, t.id(), t.type(), t.organizerRegionCode(), t.startsOn(), attendance.size(), hours, t.version());
    }

    private void dispatch(int gen, Inbound.Dispatch d) {
        jdbc.update("""
                insert into rm_dispatch (gen, id, year, sending_region_code, receiving_county_code, workers_dispatched,
                  local_trainees, version) values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (gen, id) do update set year = excluded.year, sending_region_code = excluded.sending_region_code,
                  receiving_county_code = excluded.receiving_county_code, workers_dispatched = excluded.workers_dispatched,
                  local_trainees = excluded.local_trainees, version = excluded.version
                where rm_dispatch.version < excluded.version""",
                gen, d.id(), d.year(), d.sendingRegionCode(), d.receivingCountyCode(), d.workersDispatched(),
                d.localTrainees(), d.version());
    }

    private void volunteer(int gen, Inbound.Volunteer v) {
        jdbc.update("""
                insert into rm_volunteer (gen, id, station_id, station_region_code, service_hours, status, version)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (gen, id) do update set station_id = excluded.station_id,
                  station_region_code = excluded.station_region_code, service_hours = excluded.service_hours,
                  status = excluded.status, version = excluded.version
                where rm_volunteer.version < excluded.version""",
                gen, v.id(), v.stationId(), v.stationRegionCode(),
                v.serviceHours() == null ? BigDecimal.ZERO : v.serviceHours(), v.status(), v.version());
    }

    private void project(int gen, Inbound.Project p) {
        jdbc.update("""
                insert into rm_project (gen, id, code, name, purchaser_region_code, contractor_agency_id, station_ids, status,
                  period_start, period_end, budget_fen, disbursed_fen, funding, targets, min_full_time_workers, team_size,
                  team_changes, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, ?, ?)
                on conflict (gen, id) do update set code = excluded.code, name = excluded.name,
                  purchaser_region_code = excluded.purchaser_region_code, contractor_agency_id = excluded.contractor_agency_id,
                  station_ids = excluded.station_ids, status = excluded.status, period_start = excluded.period_start,
                  period_end = excluded.period_end, budget_fen = excluded.budget_fen, disbursed_fen = excluded.disbursed_fen,
                  funding = excluded.funding, targets = excluded.targets, min_full_time_workers = excluded.min_full_time_workers,
                  team_size = excluded.team_size, team_changes = excluded.team_changes, version = excluded.version
                where rm_project.version < excluded.version""",
                gen, p.id(), p.code(), p.name(), p.purchaserRegionCode(), p.contractorAgencyId(),
                (p.stationIds() == null ? List.<UUID>of() : p.stationIds()).toArray(UUID[]::new), p.status(),
                p.periodStart(), p.periodEnd(), p.budgetFen(), p.disbursedFen(),
                json(p.funding() == null ? List.of() : p.funding()), json(p.targets() == null ? List.of() : p.targets()),
                p.staffing() == null ? null : p.staffing().minFullTimeWorkers(),
                p.team() == null ? 0 : p.team().size(), p.teamChanges(), p.version());
    }

    private void client(int gen, Inbound.Client c) {
        jdbc.update("""
                insert into rm_client (gen, id, risk_level, required_visits_per_month, station_id, village_region_code,
                  status, version) values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (gen, id) do update set risk_level = excluded.risk_level,
                  required_visits_per_month = excluded.required_visits_per_month, station_id = excluded.station_id,
                  village_region_code = excluded.village_region_code, status = excluded.status, version = excluded.version
                where rm_client.version < excluded.version""",
                gen, c.id(), c.riskLevel(), c.requiredVisitsPerMonth(), c.stationId(), c.villageRegionCode(), c.status(),
                c.version());
    }

    private void need(int gen, Inbound.Need n) {
        jdbc.update("""
                insert into rm_need (gen, id, region_code, category, status, version) values (?, ?, ?, ?, ?, ?)
                on conflict (gen, id) do update set region_code = excluded.region_code, category = excluded.category,
                  status = excluded.status, version = excluded.version
                where rm_need.version < excluded.version""",
                gen, n.id(), n.regionCode(), n.category(), n.status(), n.version());
    }

    private void evaluation(int gen, Inbound.Evaluation e) {
        List<Inbound.Rectification> open = (e.rectifications() == null ? List.<Inbound.Rectification>of() : e.rectifications())
                .stream().filter(r -> r.closedOn() == null).toList();
        LocalDate overdueSince = open.stream().map(Inbound.Rectification::dueOn).filter(Objects::nonNull)
                .min(LocalDate::compareTo).orElse(null);
        jdbc.update("""
                insert into rm_evaluation (gen, id, project_id, purchaser_region_code, kind, status, score, grade,
                  completed_on, open_rectifications, overdue_since, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (gen, id) do update set project_id = excluded.project_id,
                  purchaser_region_code = excluded.purchaser_region_code, kind = excluded.kind, status = excluded.status,
                  score = excluded.score, grade = excluded.grade, completed_on = excluded.completed_on,
                  open_rectifications = excluded.open_rectifications, overdue_since = excluded.overdue_since,
                  version = excluded.version
                where rm_evaluation.version < excluded.version""",
                gen, e.id(), e.projectId(), e.purchaserRegionCode(), e.kind(), e.status(), e.score(), e.grade(),
                e.completedOn(), open.size(), overdueSince, e.version());
    }

    /** What one revision of a service record adds to the rollups. */
    record Contribution(String type, LocalDate day, String regionCode, UUID stationId, int minutes, int participants,
            UUID[] clients, String[] categories) {
    }

    /** A service record counts on the business day (China) on which it happened, not on its UTC date. */
    private void serviceRecord(int gen, Inbound.ServiceRecord r) {
        Contribution next = new Contribution(r.type(), clock.dayOf(r.occurredAt()),
                r.stationRegionCode(), r.stationId(), r.durationMinutes(),
                r.participantCount() == null ? 0 : r.participantCount(),
                (r.clientIds() == null ? List.<UUID>of() : r.clientIds()).toArray(UUID[]::new),
                (r.serviceItemCategories() == null ? List.<String>of() : r.serviceItemCategories()).stream().distinct()
                        .toArray(String[]::new));
        int inserted = jdbc.update("""
                insert into rm_service_record (gen, id, revision, type, occurred_on, region_code, station_id,
                  duration_minutes, participant_count, client_ids, categories) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (gen, id) do nothing""",
                gen, r.id(), r.revision(), next.type(), next.day(), next.regionCode(), next.stationId(), next.minutes(),
                next.participants(), next.clients(), next.categories());
        if (inserted == 1) {
            contribute(gen, next, 1);
            return;
        }
        record Stored(int revision, Contribution contribution) {
        }
        Stored stored = jdbc.one("""
                select revision, type, occurred_on, region_code, station_id, duration_minutes, participant_count,
                  client_ids, categories from rm_service_record where gen = ? and id = ? for update""",
                rs -> new Stored(rs.getInt(1), new Contribution(rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getObject(5, UUID.class), rs.getInt(6), rs.getInt(7),
                        (UUID[]) rs.getArray(8).getArray(), (String[]) rs.getArray(9).getArray())),
                gen, r.id());
        if (stored.revision() >= r.revision()) {
            return;
        }
        contribute(gen, stored.contribution(), -1);
        jdbc.update("""
                update rm_service_record set revision = ?, type = ?, occurred_on = ?, region_code = ?, station_id = ?,
                  duration_minutes = ?, participant_count = ?, client_ids = ?, categories = ? where gen = ? and id = ?""",
                r.revision(), next.type(), next.day(), next.regionCode(), next.stationId(), next.minutes(),
                next.participants(), next.clients(), next.categories(), gen, r.id());
        contribute(gen, next, 1);
    }

    private void contribute(int gen, Contribution c, int sign) {
        PendingRollups pending = pending();
        List<Integer> levels = new ArrayList<>();
        List<String> scopes = new ArrayList<>();
        for (int level : REGION_LEVELS) {
            if (c.regionCode().length() >= level) {
                levels.add(level);
                scopes.add(c.regionCode().substring(0, level));
            }
        }
        levels.add(0);
        scopes.add(c.stationId().toString());
        List<String> measures = new ArrayList<>(List.of(Measure.RECORDS, c.type(), Measure.SERVICE_MINUTES, Measure.PARTICIPANTS));
        List<Long> amounts = new ArrayList<>(List.of(1L, 1L, (long) c.minutes(), (long) c.participants()));
        for (String category : c.categories()) {
            measures.add(Measure.CATEGORY_PREFIX + category);
            amounts.add(1L);
        }
        LocalDate month = c.day().withDayOfMonth(1);
        for (int scope = 0; scope < scopes.size(); scope++) {
            for (int measure = 0; measure < measures.size(); measure++) {
                long value = sign * amounts.get(measure);
                pending.addDay(new PendingRollups.RollupKey(gen, levels.get(scope), scopes.get(scope), c.day(),
                        measures.get(measure)), value);
                pending.addMonth(new PendingRollups.RollupKey(gen, levels.get(scope), scopes.get(scope), month,
                        measures.get(measure)), value);
            }
        }
        UUID[] clients = c.clients().clone();
        // One order for every writer, so that the distinct-client counters see a client's changes in one sequence.
        Arrays.sort(clients);
        for (UUID client : clients) {
            pending.addClient(gen, c.regionCode(), c.day(), client, "VISIT".equals(c.type()) ? sign : 0, sign);
        }
    }

    /**
     * Writes the rollup changes that the service records applied in the current transaction gathered:
     * one set-based upsert per rollup table, in key order. Whoever applies events calls it before the
     * commit (the consumers once per batch, the rebuild once per poll); a transaction that would commit
     * with changes still gathered is refused, so a forgotten call cannot lose figures.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void flush() {
        PendingRollups pending = (PendingRollups) transactions.getResource(PendingRollups.class);
        if (pending == null || pending.isEmpty()) {
            return;
        }
        pending.distinct.forEach(distinctClients::contribute);
        upsertRollup("ru_day", "day", pending.day);
        upsertRollup("ru_month", "month", pending.month);
        if (!pending.clientMonth.isEmpty()) {
            List<PendingRollups.ClientKey> keys = new ArrayList<>(pending.clientMonth.keySet());
            jdbc.update("""
                    insert into ru_client_month (gen, scope, month, client_id, visits, records)
                    select t.g, t.s, t.d, t.c, t.v, t.r from unnest(?, ?, ?, ?, ?, ?) as t(g, s, d, c, v, r)
                    on conflict (gen, scope, month, client_id) do update
                      set visits = ru_client_month.visits + excluded.visits, records = ru_client_month.records + excluded.records""",
                    keys.stream().map(PendingRollups.ClientKey::gen).toArray(Integer[]::new),
                    keys.stream().map(PendingRollups.ClientKey::scope).toArray(String[]::new),
                    keys.stream().map(k -> Date.valueOf(k.date())).toArray(Date[]::new),
                    keys.stream().map(PendingRollups.ClientKey::client).toArray(UUID[]::new),
                    keys.stream().map(k -> (int) pending.clientMonth.get(k)[0]).toArray(Integer[]::new),
                    keys.stream().map(k -> (int) pending.clientMonth.get(k)[1]).toArray(Integer[]::new));
        }
        if (!pending.clientDay.isEmpty()) {
            List<PendingRollups.ClientKey> keys = new ArrayList<>(pending.clientDay.keySet());
            jdbc.update("""
                    insert into ru_client_day (gen, scope, day, client_id, records)
                    select t.g, t.s, t.d, t.c, t.r from unnest(?, ?, ?, ?, ?) as t(g, s, d, c, r)
                    on conflict (gen, scope, day, client_id) do update set records = ru_client_day.records + excluded.records""",
                    keys.stream().map(PendingRollups.ClientKey::gen).toArray(Integer[]::new),
                    keys.stream().map(PendingRollups.ClientKey::scope).toArray(String[]::new),
                    keys.stream().map(k -> Date.valueOf(k.date())).toArray(Date[]::new),
                    keys.stream().map(PendingRollups.ClientKey::client).toArray(UUID[]::new),
                    keys.stream().map(k -> pending.clientDay.get(k).intValue()).toArray(Integer[]::new));
        }
        pending.clear();
    }

    private void upsertRollup(String table, String dateColumn, Map<PendingRollups.RollupKey, Long> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<PendingRollups.RollupKey> keys = new ArrayList<>(rows.keySet());
        jdbc.update("insert into " + table + " (gen, level, scope, " + dateColumn + ", measure, value)"
                + " select t.g, t.l, t.s, t.d, t.m, t.v from unnest(?, ?, ?, ?, ?, ?) as t(g, l, s, d, m, v)"
                + " on conflict (gen, level, scope, " + dateColumn + ", measure) do update set value = " + table
                + ".value + excluded.value",
                keys.stream().map(PendingRollups.RollupKey::gen).toArray(Integer[]::new),
                keys.stream().map(PendingRollups.RollupKey::level).toArray(Integer[]::new),
                keys.stream().map(PendingRollups.RollupKey::scope).toArray(String[]::new),
                keys.stream().map(k -> Date.valueOf(k.date())).toArray(Date[]::new),
                keys.stream().map(PendingRollups.RollupKey::measure).toArray(String[]::new),
                keys.stream().map(rows::get).toArray(Long[]::new));
    }

    /** The current transaction's gathered rollup changes, created (with the guard against committing them unwritten) on first use. */
    private PendingRollups pending() {
        PendingRollups pending = (PendingRollups) transactions.getResource(PendingRollups.class);
        if (pending == null) {
            PendingRollups created = new PendingRollups();
            transactions.putResource(PendingRollups.class, created);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE && !created.isEmpty()) {
                        throw new IllegalStateException("rollup changes gathered in this transaction were never written:"
                                + " ReadModelWriter.flush() must run before the commit");
                    }
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
            pending = created;
        }
        return pending;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
