package org.socialwork.reporting.readmodel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.socialwork.reporting.support.Jdbc;

/**
 * Keeps coverage answerable for any day from rollups. A station's dated states (one per day, the
 * highest version of the day) say which township or village it covers from that day on; each
 * unit keeps the day-by-day change of its number of covering stations; whenever a unit turns
 * covered or uncovered on some day, and it is a current region of its level, the covered count of
 * every scope above it changes on that day. Everything is derived from the set of snapshots seen,
 * not from the order they arrived in, so a rebuild from the topics reproduces the live figures.
 */
@ApplicationScoped
public class CoverageWriter {

    public static final String TOWNSHIP = "TOWNSHIP";
    public static final String VILLAGE = "VILLAGE";
    private static final int[] LEVELS = {2, 4, 6, 9, 12};

    @Inject
    Jdbc jdbc;

    /** The township or village a station covers in a state, or null when it covers none. */
    record Unit(String code, String kind) {
        static final Comparator<Unit> ORDER = Comparator.comparing(Unit::code).thenComparing(Unit::kind);

        static Unit of(String stationLevel, String status, boolean meetsStandard, String regionCode) {
            if (!"OPERATING".equals(status) || !meetsStandard) {
                return null;
            }
            return switch (stationLevel) {
                case "TOWNSHIP_STATION" -> new Unit(regionCode, TOWNSHIP);
                case "VILLAGE_ROOM" -> new Unit(regionCode, VILLAGE);
                default -> null;
            };
        }
    }

    private record StationDay(LocalDate day, long version, Unit unit) {
    }

    /**
     * Records that from {@code day} on the station is in this state, until a state of a newer
     * version dated later. A newer version replaces the later-dated states of older versions (a
     * transition recorded with a past effective date rewrites what followed it), and a state is
     * ignored when a newer version dated on or before its day already says what holds from then.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void station(int gen, UUID stationId, long version, LocalDate day, Unit unit) {
        // Two writers of one generation (a rebuild and the live consumer) may apply the same station at once.
        jdbc.one("select 1 from (select pg_advisory_xact_lock(?, ?)) l", rs -> 1, gen, stationId.hashCode());
        List<StationDay> history = jdbc.query("""
                select day, version, unit_code, unit_kind from rm_station_day where gen = ? and station_id = ? order by day""",
                rs -> new StationDay(rs.getObject(1, LocalDate.class), rs.getLong(2),
                        rs.getString(3) == null ? null : new Unit(rs.getString(3), rs.getString(4))),
                gen, stationId);
        if (history.stream().anyMatch(known -> !known.day().isAfter(day) && known.version() >= version)) {
            return;
        }
        Unit before = null;
        LocalDate until = null;
        List<StationDay> replaced = new ArrayList<>();
        for (StationDay known : history) {
            if (known.day().isBefore(day)) {
                before = known.unit();
            } else if (known.version() > version) {
                until = known.day();
                break;
            } else {
                replaced.add(known);
            }
        }
        LocalDate start = day;
        Unit current = before;
        for (StationDay old : replaced) {
            move(gen, current, unit, start, old.day());
            start = old.day();
            current = old.unit();
        }
        move(gen, current, unit, start, until);
        if (until == null) {
            jdbc.update("delete from rm_station_day where gen = ? and station_id = ? and day >= ?", gen, stationId, day);
        } else {
            jdbc.update("delete from rm_station_day where gen = ? and station_id = ? and day >= ? and day < ?",
                    gen, stationId, day, until);
        }
        jdbc.update("""
                insert into rm_station_day (gen, station_id, day, version, unit_code, unit_kind) values (?, ?, ?, ?, ?, ?)""",
                gen, stationId, day, version, unit == null ? null : unit.code(), unit == null ? null : unit.kind());
    }

    /** Over [from, until) the station covers {@code to} instead of {@code from}. */
    private void move(int gen, Unit from, Unit to, LocalDate start, LocalDate until) {
        if (start.equals(until) || Objects.equals(from, to)) {
            return;
        }
        if (from != null) {
            coveringStations(gen, from, start, until, -1);
        }
        if (to != null) {
            coveringStations(gen, to, start, until, 1);
        }
    }

    /** Re-reads whether a township or village is a current region after its snapshot was applied. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void region(int gen, String code, String level) {
        if (!TOWNSHIP.equals(level) && !VILLAGE.equals(level)) {
            return;
        }
        jdbc.update("insert into rm_cover_unit (gen, code, kind, live) values (?, ?, ?, false) on conflict do nothing",
                gen, code, level);
        boolean live = jdbc.one("select live from rm_cover_unit where gen = ? and code = ? and kind = ? for update",
                rs -> rs.getBoolean(1), gen, code, level);
        boolean nowLive = isCurrentRegion(gen, code, level);
        if (live == nowLive) {
            return;
        }
        jdbc.update("update rm_cover_unit set live = ? where gen = ? and code = ? and kind = ?", nowLive, gen, code, level);
        int sign = nowLive ? 1 : -1;
        addToScopes(gen, code, level, null, sign);
        Map<LocalDate, Integer> flips = flips(gen, code, level);
        flips.replaceAll((day, flip) -> flip * sign);
        addFlips(gen, code, level, flips);
    }

    /** Changes the number of stations covering a unit by {@code delta} over [from, until). */
    private void coveringStations(int gen, Unit unit, LocalDate from, LocalDate until, int delta) {
        jdbc.update("""
                insert into rm_cover_unit (gen, code, kind, live)
                select ?, ?, ?, exists (select 1 from rm_region where gen = ? and code = ? and level = ? and not retired)
                on conflict do nothing""",
                gen, unit.code(), unit.kind(), gen, unit.code(), unit.kind());
        boolean live = jdbc.one("select live from rm_cover_unit where gen = ? and code = ? and kind = ? for update",
                rs -> rs.getBoolean(1), gen, unit.code(), unit.kind());
        Map<LocalDate, Integer> before = flips(gen, unit.code(), unit.kind());
        addCount(gen, unit, from, delta);
        if (until != null) {
            addCount(gen, unit, until, -delta);
        }
        if (!live) {
            return;
        }
        Map<LocalDate, Integer> after = flips(gen, unit.code(), unit.kind());
        Map<LocalDate, Integer> difference = new TreeMap<>(after);
        before.forEach((day, flip) -> difference.merge(day, -flip, Integer::sum));
        difference.values().removeIf(v -> v == 0);
        addFlips(gen, unit.code(), unit.kind(), difference);
    }

    private void addCount(int gen, Unit unit, LocalDate day, int delta) {
        jdbc.update("""
                insert into rm_cover_unit_day (gen, code, kind, day, delta) values (?, ?, ?, ?, ?)
                on conflict (gen, code, kind, day) do update set delta = rm_cover_unit_day.delta + excluded.delta""",
                gen, unit.code(), unit.kind(), day, delta);
        jdbc.update("delete from rm_cover_unit_day where gen = ? and code = ? and kind = ? and day = ? and delta = 0",
                gen, unit.code(), unit.kind(), day);
    }

    /** Days on which the unit turns covered (+1) or uncovered (-1), from its covering-station counts. */
    private Map<LocalDate, Integer> flips(int gen, String code, String kind) {
        Map<LocalDate, Integer> flips = new TreeMap<>();
        int[] stations = {0};
        jdbc.query("select day, delta from rm_cover_unit_day where gen = ? and code = ? and kind = ? order by day",
                rs -> {
                    int was = stations[0];
                    stations[0] += rs.getInt(2);
                    if (was <= 0 && stations[0] > 0) {
                        flips.put(rs.getObject(1, LocalDate.class), 1);
                    } else if (was > 0 && stations[0] <= 0) {
                        flips.put(rs.getObject(1, LocalDate.class), -1);
                    }
                    return null;
                }, gen, code, kind);
        return flips;
    }

    private void addFlips(int gen, String code, String kind, Map<LocalDate, Integer> flips) {
        flips.forEach((day, flip) -> addToScopes(gen, code, kind, day, flip));
    }

    /**
     * Adds {@code delta} to every scope at and above the unit's code: to its covered units on
     * {@code day} (in that day's month, and in its covered units as of now), or, when {@code day}
     * is null, to its count of live units.
     */
    private void addToScopes(int gen, String code, String kind, LocalDate day, int delta) {
        List<Integer> levels = new ArrayList<>();
        List<String> scopes = new ArrayList<>();
        for (int level : LEVELS) {
            if (code.length() >= level) {
                levels.add(level);
                scopes.add(code.substring(0, level));
            }
        }
        Integer[] l = levels.toArray(Integer[]::new);
        String[] s = scopes.toArray(String[]::new);
        if (day == null) {
            jdbc.update("""
                    insert into ru_cover_units (gen, level, scope, kind, units)
                    select ?, t.l, t.s, ?, ? from unnest(?, ?) as t(l, s)
                    on conflict (gen, level, scope, kind) do update set units = ru_cover_units.units + excluded.units""",
                    gen, kind, delta, l, s);
        } else {
            jdbc.update("""
                    insert into ru_cover_day (gen, level, scope, kind, day, delta)
                    select ?, t.l, t.s, ?, ?, ? from unnest(?, ?) as t(l, s)
                    on conflict (gen, level, scope, kind, day) do update set delta = ru_cover_day.delta + excluded.delta""",
                    gen, kind, day, delta, l, s);
            jdbc.update("""
                    insert into ru_cover_units (gen, level, scope, kind, units, covered)
                    select ?, t.l, t.s, ?, 0, ? from unnest(?, ?) as t(l, s)
                    on conflict (gen, level, scope, kind) do update set covered = ru_cover_units.covered + excluded.covered""",
                    gen, kind, delta, l, s);
            jdbc.update("""
                    insert into ru_cover_month (gen, level, scope, kind, month, delta)
                    select ?, t.l, t.s, ?, ?, ? from unnest(?, ?) as t(l, s)
                    on conflict (gen, level, scope, kind, month) do update set delta = ru_cover_month.delta + excluded.delta""",
                    gen, kind, day.withDayOfMonth(1), delta, l, s);
        }
    }

    private boolean isCurrentRegion(int gen, String code, String kind) {
        return Boolean.TRUE.equals(jdbc.one(
                "select exists (select 1 from rm_region where gen = ? and code = ? and level = ? and not retired)",
                rs -> rs.getBoolean(1), gen, code, kind));
    }
}
