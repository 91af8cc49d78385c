-- Local replicas of other services' data, fed by their snapshot events through the inbox. Only the
-- fields projects-service decides on are kept; the inbox keeps the newest version per aggregate.
create table region_replica (
    code        text primary key collate "C",
    level       text not null,
    parent_code text collate "C",
    retired     boolean not null default false,
    version     bigint not null
);

create table station_replica (
    id          uuid primary key,
    name        text not null,
    level       text not null,
    region_code text not null collate "C",
    status      text not null,
    agency_id   uuid,
    version     bigint not null
);
create index station_replica_region on station_replica (region_code);
create index station_replica_agency on station_replica (agency_id);

create table agency_replica (
    id                  uuid primary key,
    name                text not null,
    registration_region text collate "C",
    status              text not null,
    version             bigint not null
);

create table worker_replica (
    id                      uuid primary key,
    employer_agency_id      uuid,
    category                text not null,
    qualification_level     text not null,
    registered              boolean not null,
    status                  text not null,
    dishonesty_listed       boolean not null,
    dishonesty_listed_until date,
    version                 bigint not null
);
create index worker_replica_agency on worker_replica (employer_agency_id);

create table assignment_replica (
    id          uuid primary key,
    worker_id   uuid not null,
    station_id  uuid not null,
    status      text not null,
    version     bigint not null
);
create index assignment_replica_worker on assignment_replica (worker_id) where status = 'ACTIVE';

-- Period locks announced by reporting-service (reporting.period.v1), keyed "<region>:<type>:<start>".
create table period_lock (
    id           text primary key,
    region_code  text not null collate "C",
    period_type  text not null,
    period_start date not null,
    period_end   date not null,
    locked       boolean not null,
    version      bigint not null
);
create index period_lock_locked on period_lock (region_code, period_start, period_end) where locked;
