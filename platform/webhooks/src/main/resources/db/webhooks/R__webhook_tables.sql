-- Webhook subscriptions and their deliveries, in the schema of each service that offers webhooks
-- (its flyway locations name db/webhooks). Repeatable and idempotent, like the platform tables.

-- An agency's HTTPS endpoint for some of the service's event types. The signing secret is stored
-- encrypted (it is shown to the agency once); status FAILING once a delivery gave up after the
-- retry window, back to ACTIVE at the next successful one.
create table if not exists webhook_subscription (
    id            uuid primary key,
    agency_id     uuid not null,
    url           text not null,
    event_types   text[] not null,
    description   text,
    secret        text not null,
    status        text not null check (status in ('ACTIVE', 'FAILING')),
    failing_since timestamptz,
    created_by    text not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    version       bigint not null
);
create unique index if not exists webhook_subscription_endpoint on webhook_subscription (agency_id, url);
create index if not exists webhook_subscription_agency on webhook_subscription (agency_id, id);

-- One event for one subscription: the CloudEvent in structured JSON mode, as sent, and where its
-- delivery stands. One row per (subscription, event) however often the relay hands the event on.
create table if not exists webhook_delivery (
    id              uuid primary key,
    subscription_id uuid not null references webhook_subscription (id) on delete cascade,
    event_id        uuid not null,
    event_type      text not null,
    body            text not null,
    status          text not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer not null default 0,
    window_start    timestamptz not null,
    next_attempt_at timestamptz not null,
    last_attempt_at timestamptz,
    last_status     integer,
    last_error      text,
    delivered_at    timestamptz,
    created_at      timestamptz not null,
    unique (subscription_id, event_id)
);
create index if not exists webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index if not exists webhook_delivery_subscription on webhook_delivery (subscription_id, created_at desc, id);
