-- The reporting schema. Platform tables (outbox, inbox, idempotency keys) come from db/platform.
comment on schema reporting is 'Read models, dashboards, coverage, rankings, warnings, periodic reports (owned by reporting-service).';
