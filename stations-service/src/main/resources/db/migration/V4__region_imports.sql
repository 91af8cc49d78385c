-- Jobs of the division-list import. The import runs on a worker thread; clients poll the job.
-- The failure is stored as a message key and its arguments so that it is shown in the caller's language.
create table region_import_job (
    id           uuid        primary key,
    state        text        not null check (state in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    source       text        not null check (source in ('UPLOAD', 'DIRECTORY')),
    rows_total   bigint      not null default 0,
    rows_done    bigint      not null default 0,
    inserted     bigint      not null default 0,
    updated      bigint      not null default 0,
    unchanged    bigint      not null default 0,
    created_at   timestamptz not null,
    started_at   timestamptz,
    finished_at  timestamptz,
    error_key    text,
    error_args   text[],
    version      bigint      not null default 0
);
create index region_import_job_active on region_import_job (created_at) where state in ('QUEUED', 'RUNNING');
