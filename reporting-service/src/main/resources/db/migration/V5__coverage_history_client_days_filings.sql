-- Coverage as of any day, from rollups.
-- A township (village) is covered on a day when it is a current region of that level and at least
-- one township station (village room) in it was operating and meeting the building standard that
-- day. A station's state on a day is the last snapshot of it dated (updatedAt, China) on or before
-- that day; with the same snapshots applied in any order the history is the same.

-- Each station's states, one row per station and day: the highest version of the day. unit_code
-- and unit_kind name the township or village the station covers in that state; null when it covers none.
create table rm_station_day (
    gen        integer not null,
    station_id uuid not null,
    day        date not null,
    version    bigint not null,
    unit_code  text collate "C",
    unit_kind  text check (unit_kind in ('TOWNSHIP', 'VILLAGE')),
    primary key (gen, station_id, day)
);

-- A township or village as a unit of coverage: live when it is a current region of that level.
create table rm_cover_unit (
    gen    integer not null,
    code   text collate "C" not null,
    kind   text not null check (kind in ('TOWNSHIP', 'VILLAGE')),
    live   boolean not null,
    primary key (gen, code, kind)
);

-- Changes of the number of covering stations of a unit, by day (running sum = stations that day).
create table rm_cover_unit_day (
    gen    integer not null,
    code   text collate "C" not null,
    kind   text not null,
    day    date not null,
    delta  integer not null,
    primary key (gen, code, kind, day)
);

-- Rollups: covered live units of a scope (division prefix of level 2, 4, 6, 9 or 12) change by
-- "delta" on "day" (running sum up to a day = covered units that day), and the live units per scope.
create table ru_cover_day (
    gen   integer not null,
    level smallint not null,
    scope text collate "C" not null,
    kind  text not null,
    day   date not null,
    delta integer not null,
    primary key (gen, level, scope, kind, day)
);

-- The same changes summed per month, so that "covered on a day" reads whole months, then days.
create table ru_cover_month (
    gen   integer not null,
    level smallint not null,
    scope text collate "C" not null,
    kind  text not null,
    month date not null,
    delta integer not null,
    primary key (gen, level, scope, kind, month)
);

-- Live units per scope, and how many of them are covered now (the running sum of all changes).
create table ru_cover_units (
    gen     integer not null,
    level   smallint not null,
    scope   text collate "C" not null,
    kind    text not null,
    units   integer not null,
    covered integer not null default 0,
    primary key (gen, level, scope, kind)
);

-- Read models written before this migration carry no dates: their current state is taken to hold
-- since 1900-01-01, i.e. before any period a dashboard can ask for. A rebuild replaces this with
-- the dated history of the snapshots on the topics.
insert into rm_station_day (gen, station_id, day, version, unit_code, unit_kind)
select gen, id, date '1900-01-01', version,
       case when status = 'OPERATING' and meets_standard and level in ('TOWNSHIP_STATION', 'VILLAGE_ROOM') then region_code end,
       case when status = 'OPERATING' and meets_standard and level = 'TOWNSHIP_STATION' then 'TOWNSHIP'
            when status = 'OPERATING' and meets_standard and level = 'VILLAGE_ROOM' then 'VILLAGE' end
from rm_station;

insert into rm_cover_unit (gen, code, kind, live)
select gen, code, level, not retired from rm_region where level in ('TOWNSHIP', 'VILLAGE');
insert into rm_cover_unit (gen, code, kind, live)
select distinct gen, unit_code, unit_kind, false from rm_station_day where unit_code is not null
on conflict do nothing;

insert into rm_cover_unit_day (gen, code, kind, day, delta)
select gen, unit_code, unit_kind, date '1900-01-01', count(*) from rm_station_day where unit_code is not null
group by gen, unit_code, unit_kind;

insert into ru_cover_day (gen, level, scope, kind, day, delta)
select u.gen, l.level, left(u.code, l.level), u.kind, date '1900-01-01', count(*)
from rm_cover_unit u join rm_cover_unit_day d on d.gen = u.gen and d.code = u.code and d.kind = u.kind
cross join (values (2), (4), (6), (9), (12)) l(level)
where u.live and length(u.code) >= l.level
group by u.gen, l.level, left(u.code, l.level), u.kind;

insert into ru_cover_month (gen, level, scope, kind, month, delta)
select gen, level, scope, kind, date '1900-01-01', delta from ru_cover_day;

insert into ru_cover_units (gen, level, scope, kind, units)
select u.gen, l.level, left(u.code, l.level), u.kind, count(*)
from rm_cover_unit u cross join (values (2), (4), (6), (9), (12)) l(level)
where u.live and length(u.code) >= l.level
group by u.gen, l.level, left(u.code, l.level), u.kind;

insert into ru_cover_units (gen, level, scope, kind, units, covered)
select gen, level, scope, kind, 0, sum(delta) from ru_cover_day group by gen, level, scope, kind
on conflict (gen, level, scope, kind) do update set covered = excluded.covered;

-- Distinct clients for any period and any region level: one row per client, day and station
-- region (whole code now, down to the village), beside the month rollup. The month rollup is
-- rebuilt from the stored records with the whole code too.
create table ru_client_day (
    gen       integer not null,
    scope     text collate "C" not null,
    day       date not null,
    client_id uuid not null,
    records   integer not null,
    primary key (gen, scope, day, client_id)
);

delete from ru_client_month;
insert into ru_client_month (gen, scope, month, client_id, visits, records)
select r.gen, r.region_code, date_trunc('month', r.occurred_on)::date, c.client_id,
       count(*) filter (where r.type = 'VISIT'), count(*)
from rm_service_record r cross join unnest(r.client_ids) c(client_id)
group by r.gen, r.region_code, date_trunc('month', r.occurred_on)::date, c.client_id;

insert into ru_client_day (gen, scope, day, client_id, records)
select r.gen, r.region_code, r.occurred_on, c.client_id, count(*)
from rm_service_record r cross join unnest(r.client_ids) c(client_id)
group by r.gen, r.region_code, r.occurred_on, c.client_id;

-- Personnel filings (备案): when the latest change of an assignment was filed, for LATE_FILING.
alter table rm_assignment add column filed_on date;

-- Distinct clients per scope (division prefix of level 2, 4, 6, 9 or 12) and calendar month,
-- quarter or year ("start" is the period's first day), kept by DistinctClientWriter so that a
-- province's year is one row; other periods are counted from ru_client_day and ru_client_month.
create table ru_client_distinct (
    gen     integer not null,
    level   smallint not null,
    scope   text collate "C" not null,
    grain   text not null check (grain in ('MONTH', 'QUARTER', 'YEAR')),
    start   date not null,
    clients integer not null,
    primary key (gen, level, scope, grain, start)
);

insert into ru_client_distinct (gen, level, scope, grain, start, clients)
select m.gen, l.level, left(m.scope, l.level), g.grain, g.start, count(distinct m.client_id)
from ru_client_month m
cross join (values (2), (4), (6), (9), (12)) l(level)
cross join lateral (values ('MONTH', m.month), ('QUARTER', date_trunc('quarter', m.month)::date),
                           ('YEAR', date_trunc('year', m.month)::date)) g(grain, start)
where m.records > 0 and length(m.scope) >= l.level
group by m.gen, l.level, left(m.scope, l.level), g.grain, g.start;
