-- What bureaus decide here (not derived from events): coverage targets, periodic reports and
-- their approval, the lock state of periods, warnings and their handling.
create table coverage_target (
    region_code    text collate "C" not null,
    year           integer not null,
    target_percent integer not null check (target_percent between 0 and 100),
    note           text,
    version        bigint not null,
    updated_by     text not null,
    updated_at     timestamptz not null,
    primary key (region_code, year)
);

create table report (
    id            uuid primary key,
    region_code   text collate "C" not null,
    period_type   text not null,
    period_start  date not null,
    period_end    date not null,
    status        text not null,
    narrative     text not null,
    figures       jsonb not null,
    due_on        date not null,
    created_by    text not null,
    created_at    timestamptz not null,
    submitted_at  timestamptz,
    approved_at   timestamptz,
    approved_by   text,
    reviews       jsonb not null default '[]',
    version       bigint not null,
    updated_at    timestamptz not null,
    unique (region_code, period_type, period_start)
);
create index report_region on report (region_code);

-- Snapshot state of reporting.period.v1, keyed "<regionCode>:<periodType>:<periodStart>".
create table period_lock (
    id           text primary key,
    region_code  text collate "C" not null,
    period_type  text not null,
    period_start date not null,
    period_end   date not null,
    locked       boolean not null,
    report_id    uuid not null,
    approved_at  timestamptz,
    approved_by  text,
    version      bigint not null,
    updated_at   timestamptz not null
);

create table warning (
    id           uuid primary key,
    kind         text not null,
    region_code  text collate "C" not null,
    subject_type text not null,
    subject_id   text not null,
    severity     text not null,
    detail       text not null,
    measured     numeric(14, 2),
    threshold    numeric(14, 2),
    status       text not null,
    raised_at    timestamptz not null,
    updated_at   timestamptz not null,
    updated_by   text,
    version      bigint not null
);
-- At most one unresolved warning per kind and subject: the job raises it once and resolves it when it clears.
create unique index warning_open on warning (kind, subject_type, subject_id) where status <> 'RESOLVED';
create index warning_region on warning (region_code, status);
