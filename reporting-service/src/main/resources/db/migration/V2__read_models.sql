-- Read models fed by the other services' events. Every table carries the generation it belongs
-- to: a rebuild replays the topics into generation n+1 while generation n keeps serving, then
-- the active generation switches in one transaction (see model_generation).
create table model_generation (
    gen          integer primary key,
    state        text not null check (state in ('ACTIVE', 'BUILDING', 'RETIRED', 'FAILED')),
    started_at   timestamptz not null,
    finished_at  timestamptz,
    events_total bigint not null default 0,
    events_done  bigint not null default 0,
    detail       text
);
insert into model_generation (gen, state, started_at, finished_at) values (1, 'ACTIVE', now(), now());
create unique index model_generation_one_active on model_generation (state) where state = 'ACTIVE';
create unique index model_generation_one_building on model_generation (state) where state = 'BUILDING';

-- Time of the last event each consumer applied: the asOf of every response and the lag metric.
create table applied_clock (
    consumer      text primary key,
    last_event_at timestamptz not null,
    applied_at    timestamptz not null
);

create table rm_region (
    gen         integer not null,
    code        text collate "C" not null,
    name        text not null,
    level       text not null,
    parent_code text,
    retired     boolean not null,
    version     bigint not null,
    primary key (gen, code)
);
create index rm_region_level on rm_region (gen, level, code);

create table rm_station (
    gen                  integer not null,
    id                   uuid not null,
    name                 text not null,
    level                text not null,
    region_code          text collate "C" not null,
    status               text not null,
    meets_standard       boolean not null,
    built_and_operating  boolean not null,
    agency_id            uuid,
    pilot                boolean not null,
    demonstration        boolean not null,
    version              bigint not null,
    primary key (gen, id)
);
create index rm_station_region on rm_station (gen, region_code);

create table rm_agency (
    gen                 integer not null,
    id                  uuid not null,
    name                text not null,
    registration_region text collate "C" not null,
    grade               text,
    status              text not null,
    version             bigint not null,
    primary key (gen, id)
);

create table rm_worker (
    gen                 integer not null,
    id                  uuid not null,
    employer_agency_id  uuid,
    category            text not null,
    qualification_level text not null,
    registered          boolean not null,
    status              text not null,
    employed_from       date,
    employed_until      date,
    version             bigint not null,
    primary key (gen, id)
);

create table rm_assignment (
    gen                 integer not null,
    id                  uuid not null,
    worker_id           uuid not null,
    station_id          uuid not null,
    station_region_code text collate "C" not null,
    category            text not null,
    role                text not null,
    full_time           boolean not null,
    valid_from          date not null,
    valid_to            date,
    status              text not null,
    filing_late         boolean not null,
    version             bigint not null,
    primary key (gen, id)
);
create index rm_assignment_region on rm_assignment (gen, station_region_code);

create table rm_training (
    gen                   integer not null,
    id                    uuid not null,
    type                  text not null,
    organizer_region_code text collate "C" not null,
    starts_on             date not null,
    attendees             integer not null,
    attended_hours        numeric(12, 2) not null,
    version               bigint not null,
    primary key (gen, id)
);

create table rm_dispatch (
    gen                   integer not null,
    id                    uuid not null,
    year                  integer not null,
    sending_region_code   text collate "C" not null,
    receiving_county_code text collate "C" not null,
    workers_dispatched    integer not null,
    local_trainees        integer not null,
    version               bigint not null,
    primary key (gen, id)
);

create table rm_volunteer (
    gen                 integer not null,
    id                  uuid not null,
    station_id          uuid not null,
    station_region_code text collate "C" not null,
    service_hours       numeric(12, 2) not null,
    status              text not null,
    version             bigint not null,
    primary key (gen, id)
);

create table rm_project (
    gen                     integer not null,
    id                      uuid not null,
    code                    text not null,
    name                    text not null,
    purchaser_region_code   text collate "C" not null,
    contractor_agency_id    uuid,
    station_ids             uuid[] not null,
    status                  text not null,
    period_start            date,
    period_end              date,
    budget_fen              bigint not null,
    disbursed_fen           bigint not null,
    funding                 jsonb not null,
    targets                 jsonb not null,
    min_full_time_workers   integer,
    team_size               integer not null,
    team_changes            integer not null,
    version                 bigint not null,
    primary key (gen, id)
);
create index rm_project_region on rm_project (gen, purchaser_region_code);

create table rm_client (
    gen                        integer not null,
    id                         uuid not null,
    risk_level                 text not null,
    required_visits_per_month  integer not null,
    station_id                 uuid,
    village_region_code        text collate "C",
    status                     text not null,
    version                    bigint not null,
    primary key (gen, id)
);
create index rm_client_region on rm_client (gen, village_region_code);

create table rm_need (
    gen         integer not null,
    id          uuid not null,
    region_code text collate "C" not null,
    category    text not null,
    status      text not null,
    version     bigint not null,
    primary key (gen, id)
);

create table rm_evaluation (
    gen                   integer not null,
    id                    uuid not null,
    project_id            uuid not null,
    purchaser_region_code text collate "C" not null,
    kind                  text not null,
    status                text not null,
    score                 numeric(5, 2),
    grade                 text,
    completed_on          date,
    open_rectifications   integer not null,
    overdue_since         date,
    version               bigint not null,
    primary key (gen, id)
);
create index rm_evaluation_region on rm_evaluation (gen, purchaser_region_code);

-- One row per service record, at its highest revision: only to take back a superseded revision's
-- contribution to the rollups. Dashboards never read it.
create table rm_service_record (
    gen               integer not null,
    id                uuid not null,
    revision          integer not null,
    type              text not null,
    occurred_on       date not null,
    region_code       text collate "C" not null,
    station_id        uuid not null,
    duration_minutes  integer not null,
    participant_count integer not null,
    client_ids        uuid[] not null,
    categories        text[] not null,
    primary key (gen, id)
);

-- Rollups: one row per (region at one level or station) x day (or month) x measure, kept in the
-- same transaction as the service record that changes them. "scope" is a division code of the
-- given level (2, 4, 6, 9, 12 digits) or, at level 0, a station id.
create table ru_day (
    gen     integer not null,
    level   smallint not null,
    scope   text collate "C" not null,
    day     date not null,
    measure text not null,
    value   bigint not null,
    primary key (gen, level, scope, day, measure)
);

create table ru_month (
    gen     integer not null,
    level   smallint not null,
    scope   text collate "C" not null,
    month   date not null,
    measure text not null,
    value   bigint not null,
    primary key (gen, level, scope, month, measure)
);

-- Clients served per township (or the station's own region when shorter) and month: distinct
-- clients and key-client visit compliance without touching raw records.
create table ru_client_month (
    gen     integer not null,
    scope   text collate "C" not null,
    month   date not null,
    client_id uuid not null,
    visits  integer not null,
    records integer not null,
    primary key (gen, scope, month, client_id)
);
create index ru_client_month_client on ru_client_month (gen, client_id, month);
