#!/usr/bin/env bash
# Benchmark of reporting-service's read side, at the database layer, beside its baseline in the
# same run: the SQL the province service-output and network dashboards run (rollups and read
# models) against a naive GROUP BY over the raw service records, with identical numbers asserted.
#   deploy/bench/reporting.sh [RECORDS]       (default 10000000)
#   deploy/bench/reporting.sh lag [RECORDS] [RATE]   (default 500 records at 50 per second)
# Uses a scratch database on BENCH_PG_URL (default: the local test PostgreSQL), applies the
# service's Flyway migrations with psql, loads the raw records set-based and builds the rollups
# set-based with the same contribution rule as ReadModelWriter.contribute (one row per scope level
# 2/4/6/9 and station x day|month x measure), then times both query sets with pgbench (p95 from
# per-transaction logs). Prints a Markdown table for docs/benchmarks.md and drops the database.
# Not measured here: HTTP overhead.
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
RECORDS=${1:-10000000}
PG=${BENCH_PG_URL:-postgresql://postgres:postgres@127.0.0.1:5432}
DB=sw_bench_reporting
TX=${BENCH_TRANSACTIONS:-200}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"; psql -q "$PG/postgres" -c "drop database if exists $DB" >/dev/null 2>&1 || true' EXIT
command -v pgbench >/dev/null || { echo "pgbench is missing (apt-get install postgresql-client)" >&2; exit 1; }
say() { printf '[bench-reporting] %s\n' "$*" >&2; }
now() { date +%s.%N; }
since() { awk -v a="$(now)" -v b="$1" 'BEGIN { printf "%.1f", a - b }'; }

psql -q "$PG/postgres" -c "drop database if exists $DB" -c "create database $DB"
URL="$PG/$DB"
psql -q -v ON_ERROR_STOP=1 "$URL" -c "create schema reporting"
for f in reporting-service/src/main/resources/db/migration/V*.sql; do
  PGOPTIONS="-c search_path=reporting" psql -q -v ON_ERROR_STOP=1 "$URL" -f "$f"
done
export PGOPTIONS="-c search_path=reporting"
say "$(nproc) cores; $RECORDS records"

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
create temp table s as select row_number() over (order by id) n, id, region_code from rm_station where level = 'TOWNSHIP_STATION';
insert into rm_service_record (gen, id, revision, type, occurred_on, region_code, station_id, duration_minutes,
  participant_count, client_ids, categories)
select 1, gen_random_uuid(), 1,
  (array['VISIT','CASE_SESSION','GROUP_SESSION','COMMUNITY_ACTIVITY','CONSULTATION','REFERRAL','RESOURCE_LINKAGE'])[1 + i % 7],
  date '2024-01-01' + (i % 366), s.region_code, s.id, 15 + i % 90, 1, '{}', '{}'
from generate_series(1, $RECORDS) i join s on s.n = 1 + (i::bigint * 7919) % (select count(*) from s);
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
psql -q "$URL" -c "vacuum analyze"
rollup_s=$(since "$start")
say "rollups built in ${rollup_s}s"

# What GET /api/v1/dashboards/service-output?region=33&period=2024 runs (DashboardService.serviceOutput).
cat > "$WORK/rollup.sql" <<'SQL'
select scope, measure, sum(value) from ru_month where gen = 1 and level = 2 and scope = '33' and month between '2024-01-01' and '2024-12-01' group by scope, measure;
select month, measure, value from ru_month where gen = 1 and level = 2 and scope = '33' and month between '2024-01-01' and '2024-12-01';
select scope, measure, sum(value) from ru_month where gen = 1 and level = 4 and scope >= '33' and scope < '33:' and month between '2024-01-01' and '2024-12-01' group by scope, measure;
SQL
# The same answer from the raw records: totals, monthly series and children by city.
cat > "$WORK/naive.sql" <<'SQL'
select type, count(*), sum(duration_minutes), sum(participant_count) from rm_service_record where gen = 1 and region_code >= '33' and region_code < '33:' and occurred_on between '2024-01-01' and '2024-12-31' group by type;
select date_trunc('month', occurred_on), type, count(*), sum(duration_minutes) from rm_service_record where gen = 1 and region_code >= '33' and region_code < '33:' and occurred_on between '2024-01-01' and '2024-12-31' group by 1, 2;
select left(region_code, 4), type, count(*), sum(duration_minutes), sum(participant_count) from rm_service_record where gen = 1 and region_code >= '33' and region_code < '33:' and occurred_on between '2024-01-01' and '2024-12-31' group by 1, 2;
SQL
# What GET /api/v1/dashboards/network?region=33 runs (coverage from the station and region read models).
cat > "$WORK/network.sql" <<'SQL'
select left(r.code, 4), count(*), count(*) filter (where exists (select 1 from rm_station s where s.gen = r.gen and s.region_code = r.code and s.level = 'TOWNSHIP_STATION' and s.status = 'OPERATING' and s.meets_standard)) from rm_region r where r.gen = 1 and r.level = 'TOWNSHIP' and not r.retired and r.code >= '33' and r.code < '33:' group by 1;
select left(r.code, 4), count(*), count(*) filter (where exists (select 1 from rm_station s where s.gen = r.gen and s.region_code = r.code and s.level = 'VILLAGE_ROOM' and s.status = 'OPERATING' and s.meets_standard)) from rm_region r where r.gen = 1 and r.level = 'VILLAGE' and not r.retired and r.code >= '33' and r.code < '33:' group by 1;
select level, status, count(*) from rm_station where gen = 1 and region_code >= '33' and region_code < '33:' group by level, status;
select left(region_code, 4), count(*), count(*) filter (where status = 'OPERATING') from rm_station where gen = 1 and region_code >= '33' and region_code < '33:' and length(region_code) >= 4 group by 1;
SQL

# Identical numbers: per city and type, records and minutes from the rollups equal the raw GROUP BY.
diff <(psql -At "$URL" -c "select r.scope, r.measure, r.v from (select scope, measure, sum(value) v from ru_month where gen = 1 and level = 4 and measure not in ('RECORDS', 'PARTICIPANTS', 'SERVICE_MINUTES') group by 1, 2) r order by 1, 2") \
     <(psql -At "$URL" -c "select left(region_code, 4), type, count(*) from rm_service_record where gen = 1 group by 1, 2 order by 1, 2") \
  || { echo "rollups and raw records disagree" >&2; exit 1; }
diff <(psql -At "$URL" -c "select sum(value) from ru_month where gen = 1 and level = 2 and scope = '33' and measure = 'SERVICE_MINUTES'") \
     <(psql -At "$URL" -c "select sum(duration_minutes) from rm_service_record where gen = 1") \
  || { echo "service minutes disagree" >&2; exit 1; }
say "rollups equal the raw GROUP BY per city and type"

p95() { # pgbench per-transaction log: latency in microseconds is the 3rd column
  sort -n -k3 "$1" | awk '{ a[NR] = $3 } END { i = int(NR * 0.95); if (i < 1) i = 1; printf "%.1f", a[i] / 1000 }'
}
run() { # name file transactions
  (cd "$WORK" && pgbench -n -c 1 -t "$3" -f "$2" -l --log-prefix="log-$1" "$URL" >/dev/null 2>&1)
  p95 "$(ls "$WORK"/log-"$1"*)"
}
naive_tx=$(( TX / 20 > 3 ? TX / 20 : 3 ))
rollup_ms=$(run rollup rollup.sql "$TX")
naive_ms=$(run naive naive.sql "$naive_tx")
network_ms=$(run network network.sql "$TX")
ratio=$(awk -v a="$naive_ms" -v b="$rollup_ms" 'BEGIN { printf "%.0f", a / b }')
cat <<MD
| reporting read side, $RECORDS service records (1,980 township stations, one province) | p95 |
| --- | --- |
| province service output for 2024 from the rollups (3 queries) | ${rollup_ms} ms |
| the same figures by a naive GROUP BY over the raw records | ${naive_ms} ms |
| speed-up (identical numbers asserted) | ${ratio}x |
| province network and coverage dashboard (4 queries, read models) | ${network_ms} ms |
| load: raw records / rollups built set-based | ${load_s} s / ${rollup_s} s |
MD
