#!/usr/bin/env bash
# Benchmark of reporting-service's read side, at the database layer, beside its baseline in the
# same run: the SQL the province service-output and coverage dashboards run (rollups) against a
# naive GROUP BY over the raw service records and the raw station history, with identical numbers
# asserted.
#   deploy/bench/reporting.sh [RECORDS]       (default 10000000)
#   deploy/bench/reporting.sh http [RECORDS]  (the same, plus both dashboards through the HTTP API)
#   deploy/bench/reporting.sh lag [RECORDS] [RATE]   (default 500 records at 50 per second)
# Uses a scratch database on BENCH_PG_URL (default: the local test PostgreSQL), applies the
# service's Flyway migrations with psql, loads the raw records (a VISIT or CASE_SESSION serves one
# of BENCH_CLIENTS clients, default 200000) and a dated station history set-based, builds the
# rollups set-based with the rules of ReadModelWriter.contribute, DistinctClientWriter and
# CoverageWriter, then times both query sets with pgbench (prepared statements, as the service's
# JDBC driver uses them; p95 from per-transaction logs). Prints
# a Markdown table for docs/benchmarks.md and drops the database (kept with BENCH_KEEP=1).
# The http mode loads the same data into the reporting schema of a fresh local stack started in
# .run/bench-reporting (stop the local stack first: same ports and database), checks that the
# endpoints answer the raw figures and times GET service-output and GET coverage with wrk (one
# connection, BENCH_DURATION, default 30s, after BENCH_WARMUP, default 10s); needs wrk and jq as well.
# The lag mode measures write-to-dashboard lag instead: ServiceRecordLagBenchmark (test classpath,
# not part of the normal test run) starts the service on the test suite's real KRaft broker and
# PostgreSQL, publishes RECORDS service-record events on projects.service-record.v1 at a steady RATE
# and prints p50/p95/p99/max of publish-to-applied (the inbox row written in the transaction that
# updates the rollups the dashboards read).
# Needs: psql and pgbench (Debian: apt-get install postgresql-client); the lag mode needs the
# Maven repository populated (it runs ./mvnw -o).
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${1:-}" = lag ]; then
  records=${2:-500}
  rate=${3:-50}
  log=$(mktemp)
  trap 'rm -f "$log"' EXIT
  printf '[bench-reporting] %s cores; write-to-dashboard lag, %s records at %s/s\n' "$(nproc)" "$records" "$rate" >&2
  ./mvnw -o -B -pl reporting-service test -Dtest=ServiceRecordLagBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.records="$records" -Dbench.rate="$rate" > "$log" 2>&1 || { tail -50 "$log" >&2; exit 1; }
  line=$(grep -o '\[benchmark\] write-to-rollup lag.*' "$log" | tail -1)
  [ -n "$line" ] || { echo "no figures in the benchmark output" >&2; exit 1; }
  echo "$line"
  exit 0
fi
HTTP=
if [ "${1:-}" = http ]; then
  HTTP=1
  shift
fi
RECORDS=${1:-10000000}
TX=${BENCH_TRANSACTIONS:-200}
CLIENTS=${BENCH_CLIENTS:-200000}
WORK=$(mktemp -d)
command -v pgbench >/dev/null || { echo "pgbench is missing (apt-get install postgresql-client)" >&2; exit 1; }
if [ -n "$HTTP" ]; then
  command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }
  export SOCIALWORK_RUN_DIR="$(pwd)/.run/bench-reporting"
  export SOCIALWORK_DB_NAME=socialwork_bench_reporting
  source deploy/local/lib.sh
  deploy/local/down.sh --purge >/dev/null 2>&1 || true
  trap 'rm -rf "$WORK"; deploy/local/down.sh --purge >/dev/null 2>&1 || true' EXIT
  # No scheduled warning evaluation in the middle of the measurement.
  REPORTING_WARNINGS_EVALUATE_EVERY=24h SOCIALWORK_SKIP_DEMO=1 deploy/local/up.sh >/dev/null
  set -a; source "$RUN_DIR/postgres/postgres.env"; set +a
  URL="postgresql://$REPORTING_DB_USER:$REPORTING_DB_PASSWORD@${REPORTING_DB_URL#jdbc:postgresql://}"
  export PGOPTIONS="-c search_path=reporting"
  [ "$(psql -At "$URL" -c "select gen from model_generation where state = 'ACTIVE'")" = 1 ] \
    || { echo "the fresh stack's active read-model generation is not 1" >&2; exit 1; }
else
  PG=${BENCH_PG_URL:-postgresql://postgres:postgres@127.0.0.1:5432}
  DB=sw_bench_reporting
  trap 'rm -rf "$WORK"; [ -n "${BENCH_KEEP:-}" ] || psql -q "$PG/postgres" -c "drop database if exists $DB" >/dev/null 2>&1 || true' EXIT
  psql -q "$PG/postgres" -c "drop database if exists $DB" -c "create database $DB"
  URL="$PG/$DB"
  psql -q -v ON_ERROR_STOP=1 "$URL" -c "create schema reporting"
  for f in reporting-service/src/main/resources/db/migration/V*.sql; do
    PGOPTIONS="-c search_path=reporting" psql -q -v ON_ERROR_STOP=1 "$URL" -f "$f"
  done
  export PGOPTIONS="-c search_path=reporting"
fi
say() { printf '[bench-reporting] %s\n' "$*" >&2; }
now() { date +%s.%N; }
since() { awk -v a="$(now)" -v b="$1" 'BEGIN { printf "%.1f", a - b }'; }
say "$(nproc) cores; $RECORDS records${HTTP:+; through the HTTP API of the local stack}"

# A province of 11 cities x 10 counties x 18 townships (1,980 townships, one station each) and 20 villages per township.
start=$(now)
psql -q -v ON_ERROR_STOP=1 "$URL" <<SQL
insert into rm_region (gen, code, name, level, parent_code, retired, version) values (1, '33', 'P', 'PROVINCE', null, false, 1);
insert into rm_region select 1, '33' || lpad(c::text, 2, '0'), 'C', 'CITY', '33', false, 1 from generate_series(1, 11) c;
insert into rm_region select 1, '33' || lpad(c::text, 2, '0') || lpad(k::text, 2, '0'), 'K', 'COUNTY',
  '33' || lpad(c::text, 2, '0'), false, 1 from generate_series(1, 11) c, generate_series(1, 10) k;
insert into rm_region select 1, r.code || lpad(t::text, 3, '0'), 'T', 'TOWNSHIP', r.code, false, 1
  from rm_region r, generate_series(1, 18) t where r.level = 'COUNTY';
insert into rm_region select 1, r.code || lpad(v::text, 3, '0'), 'V', 'VILLAGE', r.code, false, 1
  from rm_region r, generate_series(1, 20) v where r.level = 'TOWNSHIP';
insert into rm_station select 1, gen_random_uuid(), 'S', 'TOWNSHIP_STATION', code,
  case when random() < 0.9 then 'OPERATING' else 'ESTABLISHED' end, random() < 0.8, false, null, false, false, 1
  from rm_region where level = 'TOWNSHIP';
insert into rm_station select 1, gen_random_uuid(), 'R', 'VILLAGE_ROOM', code, 'OPERATING', random() < 0.7, false, null,
  false, false, 1 from rm_region where level = 'VILLAGE' and random() < 0.6;
create temp table s as select row_number() over (order by id) - 1 n, id, region_code from rm_station where level = 'TOWNSHIP_STATION';
-- Record i is at the station of client k = i * 7919 mod CLIENTS: a client is always served by one station.
insert into rm_service_record (gen, id, revision, type, occurred_on, region_code, station_id, duration_minutes,
  participant_count, client_ids, categories)
select 1, gen_random_uuid(), 1, t.type, date '2024-01-01' + (i % 366), s.region_code, s.id, 15 + i % 90, 1,
  case when t.type in ('VISIT', 'CASE_SESSION')
       then array[('00000000-0000-4000-8000-' || lpad(to_hex(k), 12, '0'))::uuid] else '{}' end, '{}'
from generate_series(1, $RECORDS) i
cross join lateral (select (i::bigint * 7919) % $CLIENTS k) c
cross join lateral (select (array['VISIT','CASE_SESSION','GROUP_SESSION','COMMUNITY_ACTIVITY','CONSULTATION','REFERRAL',
  'RESOURCE_LINKAGE'])[1 + i % 7] type) t
join s on s.n = c.k % (select count(*) from s);
-- Station history: each station's one state dated on the day it opened, between 2019 and 2024.
insert into rm_station_day (gen, station_id, day, version, unit_code, unit_kind)
select 1, id, date '2019-01-01' + (random() * 2190)::int, 1,
  case when status = 'OPERATING' and meets_standard then region_code end,
  case when status = 'OPERATING' and meets_standard then (case level when 'TOWNSHIP_STATION' then 'TOWNSHIP' else 'VILLAGE' end) end
from rm_station;
SQL
load_s=$(since "$start")
say "raw records loaded in ${load_s}s"

start=$(now)
for table in "ru_day|occurred_on|day" "ru_month|date_trunc('month', occurred_on)::date|month"; do
  IFS='|' read -r name expr col <<< "$table"
  psql -q -v ON_ERROR_STOP=1 "$URL" <<SQL
insert into $name (gen, level, scope, $col, measure, value)
select 1, lv.level, lv.scope, g.d, m.measure, sum(m.v)
from (select region_code, station_id, $expr d, type, count(*) n, sum(duration_minutes) minutes, sum(participant_count) p
      from rm_service_record where gen = 1 group by 1, 2, 3, 4) g
cross join lateral (values (2, left(g.region_code, 2)), (4, left(g.region_code, 4)), (6, left(g.region_code, 6)),
                           (9, g.region_code), (0, g.station_id::text)) lv(level, scope)
cross join lateral (values ('RECORDS', g.n), (g.type, g.n), ('SERVICE_MINUTES', g.minutes), ('PARTICIPANTS', g.p)) m(measure, v)
group by 1, 2, 3, 4, 5;
SQL
done
psql -q -v ON_ERROR_STOP=1 "$URL" <<'SQL'
-- Clients served per station region and month / day, and the distinct-client counters per scope
-- level and calendar month, quarter and year (DistinctClientWriter's rule, set-based).
insert into ru_client_month (gen, scope, month, client_id, visits, records)
select r.gen, r.region_code, date_trunc('month', r.occurred_on)::date, c.client_id,
       count(*) filter (where r.type = 'VISIT'), count(*)
from rm_service_record r cross join unnest(r.client_ids) c(client_id)
group by r.gen, r.region_code, date_trunc('month', r.occurred_on)::date, c.client_id;
insert into ru_client_day (gen, scope, day, client_id, records)
select r.gen, r.region_code, r.occurred_on, c.client_id, count(*)
from rm_service_record r cross join unnest(r.client_ids) c(client_id)
group by r.gen, r.region_code, r.occurred_on, c.client_id;
insert into ru_client_distinct (gen, level, scope, grain, start, clients)
select m.gen, l.level, left(m.scope, l.level), g.grain, g.start, count(distinct m.client_id)
from ru_client_month m
cross join (values (2), (4), (6), (9), (12)) l(level)
cross join lateral (values ('MONTH', m.month), ('QUARTER', date_trunc('quarter', m.month)::date),
                           ('YEAR', date_trunc('year', m.month)::date)) g(grain, start)
where m.records > 0 and length(m.scope) >= l.level
group by m.gen, l.level, left(m.scope, l.level), g.grain, g.start;
-- Coverage (CoverageWriter's rule, set-based): every township and village is a live unit; with one
-- state per station a unit turns covered on the first day a station covers it.
insert into rm_cover_unit (gen, code, kind, live)
select gen, code, level, not retired from rm_region where level in ('TOWNSHIP', 'VILLAGE');
insert into rm_cover_unit_day (gen, code, kind, day, delta)
select gen, unit_code, unit_kind, day, count(*) from rm_station_day where unit_code is not null group by 1, 2, 3, 4;
insert into ru_cover_day (gen, level, scope, kind, day, delta)
select u.gen, l.level, left(u.code, l.level), u.kind, f.first_day, count(*)
from rm_cover_unit u
join (select gen, code, kind, min(day) first_day from rm_cover_unit_day group by 1, 2, 3) f
  on f.gen = u.gen and f.code = u.code and f.kind = u.kind
cross join (values (2), (4), (6), (9), (12)) l(level)
where u.live and length(u.code) >= l.level
group by u.gen, l.level, left(u.code, l.level), u.kind, f.first_day;
insert into ru_cover_month (gen, level, scope, kind, month, delta)
select gen, level, scope, kind, date_trunc('month', day)::date, sum(delta) from ru_cover_day group by 1, 2, 3, 4, 5;
insert into ru_cover_units (gen, level, scope, kind, units, covered)
select u.gen, l.level, left(u.code, l.level), u.kind, count(*), 0
from rm_cover_unit u cross join (values (2), (4), (6), (9), (12)) l(level)
where u.live and length(u.code) >= l.level
group by u.gen, l.level, left(u.code, l.level), u.kind;
update ru_cover_units u set covered = c.covered
from (select gen, level, scope, kind, sum(delta) covered from ru_cover_day group by 1, 2, 3, 4) c
where c.gen = u.gen and c.level = u.level and c.scope = u.scope and c.kind = u.kind;
SQL
psql -q "$URL" -c "vacuum analyze"
rollup_s=$(since "$start")
say "rollups built in ${rollup_s}s"

# What GET /api/v1/dashboards/service-output?region=33&period=2024 runs (DashboardService.serviceOutput):
# totals, monthly series and children from the month rollup, distinct clients from the counters.
cat > "$WORK/rollup.sql" <<'SQL'
select scope, measure, sum(value) from ru_month where gen = 1 and level = 2 and scope = '33' and month between '2024-01-01' and '2024-12-01' group by scope, measure;
select month, measure, value from ru_month where gen = 1 and level = 2 and scope = '33' and month between '2024-01-01' and '2024-12-01';
select scope, measure, sum(value) from ru_month where gen = 1 and level = 4 and scope >= '33' and scope < '33:' and month between '2024-01-01' and '2024-12-01' group by scope, measure;
select scope, clients from ru_client_distinct where gen = 1 and level = 2 and scope >= '33' and scope < '33:' and grain = 'YEAR' and start = '2024-01-01' and clients > 0;
select scope, clients from ru_client_distinct where gen = 1 and level = 4 and scope >= '33' and scope < '33:' and grain = 'YEAR' and start = '2024-01-01' and clients > 0;
SQL
# The same answer from the raw records: totals, monthly series, children by city, distinct clients.
cat > "$WORK/naive.sql" <<'SQL'
select type, count(*), sum(duration_minutes), sum(participant_count) from rm_service_record where gen = 1 and region_code >= '33' and region_code < '33:' and occurred_on between '2024-01-01' and '2024-12-31' group by type;
select date_trunc('month', occurred_on), type, count(*), sum(duration_minutes) from rm_service_record where gen = 1 and region_code >= '33' and region_code < '33:' and occurred_on between '2024-01-01' and '2024-12-31' group by 1, 2;
select left(region_code, 4), type, count(*), sum(duration_minutes), sum(participant_count) from rm_service_record where gen = 1 and region_code >= '33' and region_code < '33:' and occurred_on between '2024-01-01' and '2024-12-31' group by 1, 2;
select count(distinct c) from rm_service_record r cross join unnest(r.client_ids) c where gen = 1 and region_code >= '33' and region_code < '33:' and occurred_on between '2024-01-01' and '2024-12-31';
select left(region_code, 4), count(distinct c) from rm_service_record r cross join unnest(r.client_ids) c where gen = 1 and region_code >= '33' and region_code < '33:' and occurred_on between '2024-01-01' and '2024-12-31' group by 1;
SQL
# Distinct clients of a date range that is no calendar period (2024-03-15 .. 2024-09-14): whole
# months from the client-month rows, the days at either end from the client-day rows, against raw.
cat > "$WORK/range.sql" <<'SQL'
select left(scope, 4), count(distinct client_id) from (select scope, client_id from ru_client_month where gen = 1 and scope >= '33' and scope < '33:' and month between '2024-04-01' and '2024-08-01' and records > 0 union all select scope, client_id from ru_client_day where gen = 1 and scope >= '33' and scope < '33:' and day between '2024-03-15' and '2024-03-31' and records > 0 union all select scope, client_id from ru_client_day where gen = 1 and scope >= '33' and scope < '33:' and day between '2024-09-01' and '2024-09-14' and records > 0) served group by 1;
SQL
cat > "$WORK/range-naive.sql" <<'SQL'
select left(region_code, 4), count(distinct c) from rm_service_record r cross join unnest(r.client_ids) c where gen = 1 and region_code >= '33' and region_code < '33:' and occurred_on between '2024-03-15' and '2024-09-14' group by 1;
SQL
# What GET /api/v1/dashboards/coverage?region=33&period=2024 runs (DashboardService.coverageOf):
# live and covered units now per city, less the changes after 2024-12-31, then the names.
cat > "$WORK/coverage.sql" <<'SQL'
select scope, kind, units, covered from ru_cover_units where gen = 1 and level = 4 and scope >= '33' and scope < '33:';
select scope, kind, sum(delta) from (select scope, kind, delta from ru_cover_day where gen = 1 and level = 4 and scope >= '33' and scope < '33:' and day > '2024-12-31' and day < '2025-01-01' union all select scope, kind, delta from ru_cover_month where gen = 1 and level = 4 and scope >= '33' and scope < '33:' and month >= '2025-01-01') later group by scope, kind;
select code, name from rm_region where gen = 1 and code = any(array['3301','3302','3303','3304','3305','3306','3307','3308','3309','3310','3311']);
SQL
# The same answer from the raw station history and regions: each station's last state on the day,
# then per city the current townships and villages and those some station covered that day.
naive_coverage() { # day
  cat <<SQL
with state as (select distinct on (station_id) unit_code, unit_kind from rm_station_day where gen = 1 and day <= '$1' order by station_id, day desc)
select left(r.code, 4), r.level, count(*), count(*) filter (where exists (select 1 from state s where s.unit_code = r.code and s.unit_kind = r.level)) from rm_region r where r.gen = 1 and r.level in ('TOWNSHIP', 'VILLAGE') and not r.retired and r.code >= '33' and r.code < '33:' group by 1, 2 order by 1, 2;
SQL
}
rollup_coverage() { # day
  cat <<SQL
select u.scope, u.kind, u.units, u.covered - coalesce(c.later, 0) from ru_cover_units u left join (select scope, kind, sum(delta) later from (select scope, kind, delta from ru_cover_day where gen = 1 and level = 4 and day > '$1' and day < date_trunc('month', date '$1') + interval '1 month' union all select scope, kind, delta from ru_cover_month where gen = 1 and level = 4 and month >= date_trunc('month', date '$1') + interval '1 month') x group by 1, 2) c on c.scope = u.scope and c.kind = u.kind where u.gen = 1 and u.level = 4 and u.scope >= '33' and u.scope < '33:' order by 1, 2;
SQL
}
naive_coverage 2024-12-31 > "$WORK/coverage-naive.sql"

# Identical numbers: per city and type, records and minutes from the rollups equal the raw GROUP BY.
diff <(psql -At "$URL" -c "select r.scope, r.measure, r.v from (select scope, measure, sum(value) v from ru_month where gen = 1 and level = 4 and measure not in ('RECORDS', 'PARTICIPANTS', 'SERVICE_MINUTES') group by 1, 2) r order by 1, 2") \
     <(psql -At "$URL" -c "select left(region_code, 4), type, count(*) from rm_service_record where gen = 1 group by 1, 2 order by 1, 2") \
  || { echo "rollups and raw records disagree" >&2; exit 1; }
diff <(psql -At "$URL" -c "select sum(value) from ru_month where gen = 1 and level = 2 and scope = '33' and measure = 'SERVICE_MINUTES'") \
     <(psql -At "$URL" -c "select sum(duration_minutes) from rm_service_record where gen = 1") \
  || { echo "service minutes disagree" >&2; exit 1; }
diff <(psql -At "$URL" -c "select scope, clients from ru_client_distinct where gen = 1 and level in (2, 4) and grain = 'YEAR' and start = '2024-01-01' order by 1") \
     <(psql -At "$URL" -c "select * from (select '33', count(distinct c) from rm_service_record r cross join unnest(r.client_ids) c where gen = 1 and occurred_on between '2024-01-01' and '2024-12-31' union all select left(region_code, 4), count(distinct c) from rm_service_record r cross join unnest(r.client_ids) c where gen = 1 and occurred_on between '2024-01-01' and '2024-12-31' group by 1) t order by 1") \
  || { echo "distinct clients of 2024 disagree" >&2; exit 1; }
diff <(psql -At "$URL" -f "$WORK/range.sql" | sort) <(psql -At "$URL" -f "$WORK/range-naive.sql" | sort) \
  || { echo "distinct clients of the range disagree" >&2; exit 1; }
for day in 2020-06-30 2022-12-31 2024-12-31; do
  diff <(psql -At "$URL" -c "$(rollup_coverage $day)" | sed 's/|TOWNSHIP|/|T|/; s/|VILLAGE|/|V|/') \
       <(psql -At "$URL" -c "$(naive_coverage $day)" | sed 's/|TOWNSHIP|/|T|/; s/|VILLAGE|/|V|/') \
    || { echo "coverage on $day disagrees" >&2; exit 1; }
done
say "rollups equal the raw GROUP BY: output per city and type, minutes, distinct clients, coverage on three days"

p95() { # pgbench per-transaction log: latency in microseconds is the 3rd column
  sort -n -k3 "$1" | awk '{ a[NR] = $3 } END { i = int(NR * 0.95); if (i < 1) i = 1; printf "%.1f", a[i] / 1000 }'
}
run() { # name file transactions
  (cd "$WORK" && pgbench -n -M prepared -c 1 -t "$3" -f "$2" -l --log-prefix="log-$1" "$URL" >/dev/null 2>&1)
  p95 "$(ls "$WORK"/log-"$1".*)"
}
naive_tx=$(( TX / 20 > 3 ? TX / 20 : 3 ))
rollup_ms=$(run rollup rollup.sql "$TX")
naive_ms=$(run naive naive.sql "$naive_tx")
range_ms=$(run range range.sql "$naive_tx")
range_naive_ms=$(run range-naive range-naive.sql "$naive_tx")
coverage_ms=$(run coverage coverage.sql "$TX")
coverage_naive_ms=$(run coverage-naive coverage-naive.sql "$TX")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", a / b }'; }
clients=$(psql -At "$URL" -c "select clients from ru_client_distinct where gen = 1 and level = 2 and scope = '33' and grain = 'YEAR' and start = '2024-01-01'")
if [ -n "$HTTP" ]; then
  # The same figures through the service: one dashboard user of the province, one request at a time.
  TOKEN=$(dev_token --role dashboard --region 33)
  API=http://127.0.0.1:${SERVICE_PORT[reporting]}/api/v1/dashboards
  get() { curl -fsS -H "Authorization: Bearer $TOKEN" "$API/$1"; }
  output=$(get "service-output?region=33&period=2024")
  [ "$(jq .totals.records <<< "$output")" = "$(psql -At "$URL" -c "select count(*) from rm_service_record where gen = 1 and occurred_on between '2024-01-01' and '2024-12-31'")" ] \
    || { echo "the service-output endpoint disagrees with the raw records" >&2; exit 1; }
  [ "$(jq .totals.distinctClients <<< "$output")" = "$clients" ] \
    || { echo "the service-output endpoint's distinct clients disagree" >&2; exit 1; }
  diff <(get "coverage?region=33&period=2024" | jq -r '.children[] | "\(.code)|\(.coverage.townships)|\(.coverage.townshipsCovered)|\(.coverage.villages)|\(.coverage.villagesCovered)"') \
       <(psql -At "$URL" -c "$(naive_coverage 2024-12-31)" | awk -F'|' '$2 == "TOWNSHIP" { t[$1] = $3 "|" $4 } $2 == "VILLAGE" { v[$1] = $3 "|" $4 } END { for (c in t) print c "|" t[c] "|" v[c] }' | sort) \
    || { echo "the coverage endpoint disagrees with the raw station history" >&2; exit 1; }
  say "the endpoints answer the raw figures"
  wrk_p95() { # path: p95 in ms of one connection issuing requests back to back
    local out
    out=$(DASHBOARD_PATH="$1" TOKEN="$TOKEN" wrk -t1 -c1 -d"${BENCH_DURATION:-30s}" -s deploy/bench/dashboard.lua \
      "http://127.0.0.1:${SERVICE_PORT[reporting]}")
    grep -q '^failed=0$' <<< "$out" || { echo "requests to $1 failed: $out" >&2; exit 1; }
    say "$1: $(grep -E '^(requests|p50|p99)=' <<< "$out" | tr '\n' ' ')"
    awk -F= '$1 == "p95" { print $2 }' <<< "$out"
  }
  # A fresh JVM compiles its hot paths in the first seconds: warm both endpoints up unmeasured.
  for path in "service-output?region=33&period=2024" "coverage?region=33&period=2024"; do
    DASHBOARD_PATH="/api/v1/dashboards/$path" TOKEN="$TOKEN" wrk -t1 -c1 -d"${BENCH_WARMUP:-10s}" \
      -s deploy/bench/dashboard.lua "http://127.0.0.1:${SERVICE_PORT[reporting]}" >/dev/null
  done
  http_output_ms=$(wrk_p95 "/api/v1/dashboards/service-output?region=33&period=2024")
  http_coverage_ms=$(wrk_p95 "/api/v1/dashboards/coverage?region=33&period=2024")
fi
cat <<MD
| reporting read side, $RECORDS service records ($clients distinct clients in 2024; 1,980 township stations, one province) | p95 |
| --- | --- |
| province service output for 2024 from the rollups (5 queries, distinct clients included) | ${rollup_ms} ms |
| the same figures by a naive GROUP BY over the raw records | ${naive_ms} ms |
| speed-up (identical numbers asserted) | $(ratio "$naive_ms" "$rollup_ms")x |
| province coverage on 2024-12-31 by city from the coverage rollups (3 queries) | ${coverage_ms} ms |
| the same figures from the raw station history and regions | ${coverage_naive_ms} ms |
| speed-up (identical numbers asserted on three days) | $(ratio "$coverage_naive_ms" "$coverage_ms")x |
| distinct clients by city for 2024-03-15..2024-09-14 (no calendar period) from the client rows | ${range_ms} ms |
| the same by a naive count over the raw records | ${range_naive_ms} ms |
| load: raw records / rollups built set-based | ${load_s} s / ${rollup_s} s |
MD
if [ -n "$HTTP" ]; then
  cat <<MD
| GET /api/v1/dashboards/service-output?region=33&period=2024 (HTTP, JWT, scope, JSON; one connection) | ${http_output_ms} ms |
| speed-up over the naive SQL alone | $(ratio "$naive_ms" "$http_output_ms")x |
| GET /api/v1/dashboards/coverage?region=33&period=2024 (HTTP, JWT, scope, JSON; one connection) | ${http_coverage_ms} ms |
| speed-up over the naive SQL alone | $(ratio "$coverage_naive_ms" "$http_coverage_ms")x |
MD
fi
