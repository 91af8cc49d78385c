package org.socialwork.reporting.readmodel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The rollup changes of the service records applied in one transaction, summed per rollup row and
 * kept in one order (so that two transactions lock shared rows in the same sequence and cannot
 * deadlock), for {@link ReadModelWriter#flush()} to write with one statement per rollup table.
 */
final class PendingRollups {

    /** A row of {@code ru_day} or {@code ru_month}. */
    record RollupKey(int gen, int level, String scope, LocalDate date, String measure) {
    }

    /** A row of {@code ru_client_day} or {@code ru_client_month}. */
    record ClientKey(int gen, String scope, LocalDate date, UUID client) {
    }

    private static final Comparator<RollupKey> ROLLUP_ORDER = Comparator.comparingInt(RollupKey::gen)
            .thenComparingInt(RollupKey::level).thenComparing(RollupKey::scope).thenComparing(RollupKey::date)
            .thenComparing(RollupKey::measure);
    private static final Comparator<ClientKey> CLIENT_ORDER = Comparator.comparingInt(ClientKey::gen)
            .thenComparing(ClientKey::scope).thenComparing(ClientKey::date).thenComparing(ClientKey::client);

    final Map<RollupKey, Long> day = new TreeMap<>(ROLLUP_ORDER);
    final Map<RollupKey, Long> month = new TreeMap<>(ROLLUP_ORDER);
    /** visits and records per client-month row. */
    final Map<ClientKey, long[]> clientMonth = new TreeMap<>(CLIENT_ORDER);
    final Map<ClientKey, Long> clientDay = new TreeMap<>(CLIENT_ORDER);
    /** The client-month changes per generation, in the order they were made, for the distinct-client counters. */
    final Map<Integer, List<DistinctClientWriter.ClientMonthChange>> distinct = new TreeMap<>();

    void addDay(RollupKey key, long value) {
        day.merge(key, value, Long::sum);
    }

    void addMonth(RollupKey key, long value) {
        month.merge(key, value, Long::sum);
    }

    void addClient(int gen, String scope, LocalDate day, UUID client, int visits, int records) {
        LocalDate first = day.withDayOfMonth(1);
        long[] monthly = clientMonth.computeIfAbsent(new ClientKey(gen, scope, first, client), k -> new long[2]);
        monthly[0] += visits;
        monthly[1] += records;
        clientDay.merge(new ClientKey(gen, scope, day, client), (long) records, Long::sum);
        distinct.computeIfAbsent(gen, g -> new ArrayList<>())
                .add(new DistinctClientWriter.ClientMonthChange(client, scope, first, records));
    }

    boolean isEmpty() {
        return day.isEmpty() && month.isEmpty() && clientMonth.isEmpty() && clientDay.isEmpty() && distinct.isEmpty();
    }

    void clear() {
        day.clear();
        month.clear();
        clientMonth.clear();
        clientDay.clear();
        distinct.clear();
    }
}
