-- Clients. The ID number and phone are encrypted (PersonalDataCipher) and found by blind index;
-- one client (and so one plan) per person.
create table client (
    id                         uuid primary key,
    name                       text not null,
    id_number_enc              text not null,
    id_number_index            text not null,
    phone_enc                  text,
    gender                     text not null,
    birth_date                 date not null,
    village_region_code        text not null collate "C",
    categories                 jsonb not null,
    risk_level                 text not null,
    required_visits_per_month  integer not null,
    station_id                 uuid not null,
    responsible_worker_id      uuid,
    assessment                 text,
    plan                       jsonb,
    status                     text not null,
    version                    bigint not null,
    created_at                 timestamptz not null,
    updated_at                 timestamptz not null,
    constraint client_id_number_unique unique (id_number_index)
);
create index client_station on client (station_id);
create index client_worker on client (responsible_worker_id);
create index client_feed on client (updated_at, id);

-- Needs (the first of the "three lists").
create table need (
    id                  uuid primary key,
    source              text not null,
    category            text not null,
    description         text not null,
    region_code         text not null collate "C",
    client_id           uuid,
    station_id          uuid,
    worker_id           uuid,
    priority            text,
    status              text not null,
    received_on         date not null,
    due_on              date,
    closed_at           timestamptz,
    answered_by         jsonb not null,
    version             bigint not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null
);
create index need_station on need (station_id);
create index need_worker on need (worker_id) where status = 'DISPATCHED';
create index need_feed on need (updated_at, id);

-- Resources (donors, volunteer teams, facilities).
create table resource (
    id          uuid primary key,
    kind        text not null,
    name        text not null,
    region_code text not null collate "C",
    description text,
    capacity    text,
    version     bigint not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);
create index resource_region on resource (region_code);

-- Service records: client-generated ids, a revision per correction (the fact topic carries each one).
create table service_record (
    id                       uuid primary key,
    revision                 integer not null,
    type                     text not null,
    occurred_at              timestamptz not null,
    duration_minutes         integer not null,
    station_id               uuid not null,
    station_region_code      text not null collate "C",
    project_id               uuid,
    worker_ids               uuid[] not null,
    client_ids               uuid[] not null,
    participant_count        integer not null,
    service_items            jsonb not null,
    service_item_categories  jsonb not null,
    case_id                  uuid,
    need_id                  uuid,
    latitude                 double precision,
    longitude                double precision,
    notes                    text,
    recorded_by              text not null,
    recorded_at              timestamptz not null,
    updated_at               timestamptz not null
);
create index service_record_station on service_record (station_id, occurred_at);
create index service_record_project on service_record (project_id, occurred_at);
create index service_record_clients on service_record using gin (client_ids);
create index service_record_workers on service_record using gin (worker_ids);
create index service_record_case on service_record (case_id) where case_id is not null;
create index service_record_feed on service_record (updated_at, id);

-- Exceptions a bureau grants to change records inside a locked period: one record, or a station's period.
create table lock_exception (
    id           uuid primary key,
    record_id    uuid,
    station_id   uuid,
    period_start date,
    period_end   date,
    reason       text not null,
    granted_by   text not null,
    granted_at   timestamptz not null,
    check (record_id is not null or (station_id is not null and period_start is not null and period_end is not null))
);
create index lock_exception_record on lock_exception (record_id);
create index lock_exception_station on lock_exception (station_id);

-- Cases: opened for a client, sessions are service records naming the case.
create table case_file (
    id            uuid primary key,
    client_id     uuid not null references client (id),
    worker_id     uuid not null,
    station_id    uuid not null,
    problem_areas jsonb not null,
    plan          text,
    status        text not null,
    referral      jsonb,
    outcome       text,
    opened_on     date not null,
    closed_on     date,
    version       bigint not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);
create index case_file_client on case_file (client_id);

-- Evaluation templates and evaluations.
create table evaluation_template (
    id         uuid primary key,
    name       text not null,
    dimensions jsonb not null,
    version    bigint not null,
    created_at timestamptz not null
);

create table evaluation (
    id              uuid primary key,
    project_id      uuid not null references project (id),
    template_id     uuid not null references evaluation_template (id),
    kind            text not null,
    status          text not null,
    assessors       jsonb not null,
    score           numeric(5, 2),
    grade           text,
    completed_on    date,
    rectifications  jsonb not null,
    version         bigint not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
create index evaluation_project on evaluation (project_id);
