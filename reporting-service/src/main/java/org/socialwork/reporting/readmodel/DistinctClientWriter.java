package org.socialwork.reporting.readmodel;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * set before and after one record's contribution and moves the counters by the difference, which
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

    /**
     * Moves the counters for a record at {@code regionCode} in {@code month} serving {@code clients}
     * that is added ({@code sign} 1) or withdrawn (-1); call it before the client-month rollup is updated.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void contribute(int gen, String regionCode, LocalDate month, UUID[] clients, int sign) {
        UUID[] ordered = clients.clone();
        // One order for every writer, so that two records sharing clients cannot deadlock on the locks.
        Arrays.sort(ordered);
        Map<Counter, Integer> changes = new HashMap<>();
        for (UUID client : ordered) {
            // The live consumer and a rebuild may both apply records of this client to one generation.
            jdbc.one("select 1 from (select pg_advisory_xact_lock(?, ?)) l", rs -> 1, gen, client.hashCode());
            Map<MonthScope, Integer> records = new HashMap<>();
            jdbc.query("""
                    select scope, month, records from ru_client_month
                    where gen = ? and client_id = ? and month >= ? and month < ?""",
                    rs -> records.put(new MonthScope(rs.getString(1), rs.getObject(2, LocalDate.class)), rs.getInt(3)),
                    gen, client, month.withDayOfYear(1), month.withDayOfYear(1).plusYears(1));
            Set<Counter> before = countedIn(records);
            records.merge(new MonthScope(regionCode, month), sign, Integer::sum);
            Set<Counter> after = countedIn(records);
            after.stream().filter(c -> !before.contains(c)).forEach(c -> changes.merge(c, 1, Integer::sum));
            before.stream().filter(c -> !after.contains(c)).forEach(c -> changes.merge(c, -1, Integer::sum));
        }
        changes.values().removeIf(delta -> delta == 0);
        if (changes.isEmpty()) {
            return;
        }
        List<Counter> counters = new ArrayList<>(changes.keySet());
        jdbc.update("""
                insert into ru_client_distinct (gen, level, scope, grain, start, clients)
                select ?, t.l, t.s, t.g, t.d, t.c from unnest(?, ?, ?, ?, ?) as t(l, s, g, d, c)
                on conflict (gen, level, scope, grain, start) do update set clients = ru_client_distinct.clients + excluded.clients""",
                gen, counters.stream().map(Counter::level).toArray(Integer[]::new),
                counters.stream().map(Counter::scope).toArray(String[]::new),
                counters.stream().map(Counter::grain).toArray(String[]::new),
                counters.stream().map(c -> Date.valueOf(c.start())).toArray(Date[]::new),
                counters.stream().map(changes::get).toArray(Integer[]::new));
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
