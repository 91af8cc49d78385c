-- Tables of the platform plumbing, in every service's own schema. A repeatable migration with
-- idempotent DDL, so that platform changes apply to services whatever their own migration number.

-- Transactional outbox: a row commits with the state change it describes; the relay publishes it.
create table if not exists outbox_event (
    id              uuid primary key,
    seq             bigint generated always as identity,
    topic           text not null,
    event_key       text not null,
    event_type      text not null,
    source          text not null,
    occurred_at     timestamptz not null,
    payload         jsonb not null,
    sent_at         timestamptz,
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text
);
-- The trace of the request that wrote the row (W3C traceparent), continued by the relay's publish span.
alter table outbox_event add column if not exists traceparent text;
create index if not exists outbox_event_due on outbox_event (seq) where sent_at is null;
create index if not exists outbox_event_sent on outbox_event (sent_at) where sent_at is not null;

-- Idempotent inbox: ids of processed events and the newest snapshot version per aggregate.
create table if not exists inbox_event (
    event_id     uuid primary key,
    topic        text not null,
    processed_at timestamptz not null
);
create table if not exists inbox_snapshot_version (
    aggregate_type text not null,
    aggregate_id   text not null,
    version        bigint not null,
    primary key (aggregate_type, aggregate_id)
);

-- Idempotency-Key of POST requests, per caller, with the stored first response.
create table if not exists idempotency_key (
    caller            text not null,
    idem_key          text not null,
    fingerprint       text not null,
    state             text not null check (state in ('IN_PROGRESS', 'COMPLETED')),
    response_status   integer,
    response_body     text,
    response_location text,
    response_etag     text,
    created_at        timestamptz not null,
    completed_at      timestamptz,
    primary key (caller, idem_key)
);
create index if not exists idempotency_key_created on idempotency_key (created_at);

-- Audit trail of unmasked reads of personal data (resident ID numbers, phone numbers).
create table if not exists personal_data_access (
    id           uuid primary key,
    read_at      timestamptz not null,
    actor        text not null,
    actor_roles  text not null,
    actor_region text,
    subject_type text not null,
    subject_id   uuid not null,
    fields       text not null,
    purpose      text
);
create index if not exists personal_data_access_subject on personal_data_access (subject_type, subject_id, read_at);
create index if not exists personal_data_access_read_at on personal_data_access (read_at);
