-- Replicas of stations-service data, fed by stations.station.v1 and stations.agency.v1. Writes here
-- check against them and never call stations-service.
create table station_replica (
    id              uuid primary key,
    name            text not null,
    level           text not null,
    region_code     text not null,
    status          text not null,
    operation_mode  text not null,
    agency_id       uuid,
    version         bigint not null,
    updated_at      timestamptz not null
);
create index station_replica_region on station_replica (region_code collate "C");

create table agency_replica (
    id                  uuid primary key,
    name                text not null,
    registration_region text not null,
    status              text not null,
    version             bigint not null,
    updated_at          timestamptz not null
);
create index agency_replica_region on agency_replica (registration_region collate "C");

-- Workers. ID number and phone are encrypted (AES-GCM) and found by a keyed hash (blind index).
create table worker (
    id                   uuid primary key,
    employer_agency_id   uuid references agency_replica (id),
    external_id          text,
    name                 text not null,
    id_number_enc        text not null,
    id_number_index      text not null,
    gender               text not null,
    birth_date           date not null,
    phone_enc            text,
    phone_index          text,
    education            text not null,
    social_work_degree   boolean not null,
    category             text,
    post                 text,
    grade                integer,
    employed_from        date,
    employed_until       date,
    registered           boolean not null default false,
    qualification_level  text not null default 'NONE',
    status               text not null,
    version              bigint not null,
    created_at           timestamptz not null,
    updated_at           timestamptz not null
);
create unique index worker_id_number_unique on worker (id_number_index);
create index worker_phone_index on worker (phone_index);
create unique index worker_external_id_unique on worker (employer_agency_id, external_id) where external_id is not null;
create index worker_employer on worker (employer_agency_id);
create index worker_change_feed on worker (updated_at, id);

-- Certificates of the national social-work qualification exam; the current level derives from them.
create table certificate (
    id          uuid primary key,
    worker_id   uuid not null references worker (id),
    number      text not null,
    level       text not null,
    issued_on   date not null,
    issuer      text not null,
    registered  boolean not null,
    created_at  timestamptz not null
);
create unique index certificate_number_unique on certificate (number);
create index certificate_worker on certificate (worker_id);

-- Employment history: one row per employment period of a worker.
create table employment (
    id          uuid primary key,
    worker_id   uuid not null references worker (id),
    agency_id   uuid not null references agency_replica (id),
    category    text not null,
    post        text not null,
    grade       integer not null,
    started_on  date not null,
    ended_on    date,
    created_at  timestamptz not null
);
create index employment_worker on employment (worker_id);

create table assignment (
    id                  uuid primary key,
    worker_id           uuid not null references worker (id),
    station_id          uuid not null references station_replica (id),
    station_region_code text not null,
    employer_agency_id  uuid,
    category            text not null,
    role                text not null,
    full_time           boolean not null,
    valid_from          date not null,
    valid_to            date,
    status              text not null,
    version             bigint not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null
);
-- Two racing requests cannot both give a worker a second active full-time station assignment.
create unique index assignment_one_full_time on assignment (worker_id) where full_time and status = 'ACTIVE';
create index assignment_worker on assignment (worker_id);
create index assignment_station on assignment (station_id);
create index assignment_region on assignment (station_region_code collate "C");

-- Filing (备案) obligations: one per start, change or end of an assignment.
create table filing (
    id                  uuid primary key,
    assignment_id       uuid not null references assignment (id),
    worker_id           uuid not null references worker (id),
    station_region_code text not null,
    employer_agency_id  uuid,
    change_kind         text not null,
    changed_on          date not null,
    due_on              date not null,
    filed_on            date,
    late                boolean,
    version             bigint not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null
);
create index filing_region on filing (station_region_code collate "C", changed_on);
create index filing_assignment on filing (assignment_id);

create table departure (
    id                     uuid primary key,
    worker_id              uuid not null references worker (id),
    agency_id              uuid not null,
    notice_date            date not null,
    planned_leave_on       date not null,
    replacement_worker_id  uuid references worker (id),
    left_on                date,
    reason                 text,
    created_at             timestamptz not null
);
create unique index departure_open on departure (worker_id) where left_on is null;
create index departure_agency_left on departure (agency_id, left_on);

create table dishonesty_listing (
    id              uuid primary key,
    worker_id       uuid not null references worker (id),
    reason          text not null,
    listed_on       date not null,
    expires_on      date not null,
    listed_by       text not null,
    delisted_on     date,
    delist_reason   text,
    delisted_by     text,
    created_at      timestamptz not null
);
create index dishonesty_worker on dishonesty_listing (worker_id);

create table training (
    id                    uuid primary key,
    title                 text not null,
    type                  text not null,
    provider              text not null,
    organizer_region_code text not null,
    hours                 numeric(6, 1) not null,
    starts_on             date not null,
    ends_on               date not null,
    version               bigint not null,
    created_at            timestamptz not null,
    updated_at            timestamptz not null
);
create table training_attendance (
    training_id uuid not null references training (id),
    worker_id   uuid not null references worker (id),
    hours       numeric(6, 1) not null,
    completed   boolean not null,
    primary key (training_id, worker_id)
);
create index training_attendance_worker on training_attendance (worker_id);

create table supervision (
    id              uuid primary key,
    supervisor_id   uuid not null references worker (id),
    worker_id       uuid references worker (id),
    station_id      uuid references station_replica (id),
    region_code     text not null,
    valid_from      date not null,
    valid_to        date,
    created_at      timestamptz not null,
    check ((worker_id is null) <> (station_id is null))
);
create table supervision_session (
    id              uuid primary key,
    supervision_id  uuid not null references supervision (id),
    held_on         date not null,
    hours           numeric(5, 1) not null,
    topic           text not null,
    created_at      timestamptz not null
);
create index supervision_session_pairing on supervision_session (supervision_id);

create table volunteer (
    id                      uuid primary key,
    station_id              uuid not null references station_replica (id),
    station_region_code     text not null,
    recruited_by_worker_id  uuid not null references worker (id),
    name                    text not null,
    registered_on           date not null,
    service_hours           numeric(8, 1) not null,
    regular                 boolean not null,
    status                  text not null,
    version                 bigint not null,
    created_at              timestamptz not null,
    updated_at              timestamptz not null
);
create index volunteer_recruiter on volunteer (recruited_by_worker_id);

create table dispatch_programme (
    id                    uuid primary key,
    name                  text not null,
    year                  integer not null,
    sending_region_code   text not null,
    sending_unit          text not null,
    receiving_county_code text not null,
    local_trainees        integer not null,
    version               bigint not null,
    created_at            timestamptz not null,
    updated_at            timestamptz not null
);
create index dispatch_programme_county on dispatch_programme (receiving_county_code collate "C");
create table dispatch (
    programme_id uuid not null references dispatch_programme (id),
    worker_id    uuid not null references worker (id),
    valid_from   date not null,
    valid_to     date not null,
    primary key (programme_id, worker_id)
);
