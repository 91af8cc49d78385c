package org.socialwork.reporting.readmodel;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.socialwork.reporting.support.Jdbc;

/**
 * Keeps {@code ru_client_distinct}: the number of distinct clients served per region scope (levels
 * 2, 4, 6, 9, 12) and calendar month, quarter and year, so that a province's yearly figure is one
 * row instead of a count over every client served that year. A client counts in a scope and
 * period while the client-month rollup holds records of theirs there; the writer compares that
 * set before and after a transaction's contributions and moves the counters by the difference, which
 * keeps them equal to a count over {@code ru_client_month} whatever order records and corrections
 * arrive in.
 */
@ApplicationScoped
public class DistinctClientWriter {

    public static final String MONTH = "MONTH";
    public static final String QUARTER = "QUARTER";
    public static final String YEAR = "YEAR";
    private static final int[] LEVELS = {2, 4, 6, 9, 12};

    @Inject
    Jdbc jdbc;

    private record MonthScope(String scope, LocalDate month) {
    }

    private record Counter(int level, String scope, String grain, LocalDate start) {
    }

    /** Records of {@code client} at {@code scope} in {@code month} added (positive) or withdrawn (negative). */
    public record ClientMonthChange(UUID client, String scope, LocalDate month, int records) {
    }

    /**
     * Moves the counters by what {@code changes} (of one transaction, in any order) do to the clients'
     * sets of scopes and periods; call it before the client-month rollup is updated with the same
     * changes. A client's counters depend only on their client-month rows of one year, so each client
     * and year is compared once, before and after all of its changes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void contribute(int gen, List<ClientMonthChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Map<Integer, Map<UUID, Map<MonthScope, Integer>>> byYear = new TreeMap<>();
        for (ClientMonthChange change : changes) {
            byYear.computeIfAbsent(change.month().getYear(), y -> new TreeMap<>())
                    .computeIfAbsent(change.client(), c -> new HashMap<>())
                    .merge(new MonthScope(change.scope(), change.month()), change.records(), Integer::sum);
        }
        // The live consumers (one per instance) and a rebuild may all apply records of a client to one
        // generation; the locks are taken in ascending order, so two such transactions cannot deadlock.
        Integer[] locks = changes.stream().map(c -> c.client().hashCode()).distinct().sorted().toArray(Integer[]::new);
        jdbc.query("select pg_advisory_xact_lock(?, t.k) from unnest(?) as t(k)", rs -> 1, gen, locks);
        Map<Counter, Integer> moved = new HashMap<>();
        byYear.forEach((year, clients) -> {
            LocalDate from = LocalDate.of(year, 1, 1);
            Map<UUID, Map<MonthScope, Integer>> stored = new HashMap<>();
            jdbc.query("""
                    select client_id, scope, month, records from ru_client_month
                    where gen = ? and client_id = any(?) and month >= ? and month < ?""",
                    rs -> stored.computeIfAbsent(rs.getObject(1, UUID.class), c -> new HashMap<>())
                            .put(new MonthScope(rs.getString(2), rs.getObject(3, LocalDate.class)), rs.getInt(4)),
                    gen, clients.keySet().toArray(UUID[]::new), from, from.plusYears(1));
            clients.forEach((client, delta) -> {
                Map<MonthScope, Integer> records = stored.getOrDefault(client, new HashMap<>());
                Set<Counter> before = countedIn(records);
                delta.forEach((at, change) -> records.merge(at, change, Integer::sum));
                Set<Counter> after = countedIn(records);
                after.stream().filter(c -> !before.contains(c)).forEach(c -> moved.merge(c, 1, Integer::sum));
                before.stream().filter(c -> !after.contains(c)).forEach(c -> moved.merge(c, -1, Integer::sum));
            });
        });
        moved.values().removeIf(delta -> delta == 0);
        if (moved.isEmpty()) {
            return;
        }
        List<Counter> counters = new ArrayList<>(moved.keySet());
        counters.sort(Comparator.comparingInt(Counter::level).thenComparing(Counter::scope).thenComparing(Counter::grain)
                .thenComparing(Counter::start));
        jdbc.update("""
                insert into ru_client_distinct (gen, level, scope, grain, start, clients)
                select ?, t.l, t.s, t.g, t.d, t.c from unnest(?, ?, ?, ?, ?) as t(l, s, g, d, c)
                on conflict (gen, level, scope, grain, start) do update set clients = ru_client_distinct.clients + excluded.clients""",
                gen, counters.stream().map(Counter::level).toArray(Integer[]::new),
                counters.stream().map(Counter::scope).toArray(String[]::new),
                counters.stream().map(Counter::grain).toArray(String[]::new),
                counters.stream().map(c -> Date.valueOf(c.start())).toArray(Date[]::new),
                counters.stream().map(moved::get).toArray(Integer[]::new));
    }

    /** The counters one client is counted in, given their records per scope and month of one year. */
    private static Set<Counter> countedIn(Map<MonthScope, Integer> records) {
        Set<Counter> counters = new HashSet<>();
        records.forEach((at, count) -> {
            if (count <= 0) {
                return;
            }
            LocalDate month = at.month();
            LocalDate quarter = month.withMonth((month.getMonthValue() - 1) / 3 * 3 + 1);
            for (int level : LEVELS) {
                if (at.scope().length() >= level) {
                    String scope = at.scope().substring(0, level);
                    counters.add(new Counter(level, scope, MONTH, month));
                    counters.add(new Counter(level, scope, QUARTER, quarter));
                    counters.add(new Counter(level, scope, YEAR, month.withDayOfYear(1)));
                }
            }
        });
        return counters;
    }
}
