-- The projects schema. Platform tables (outbox, inbox, idempotency keys) come from db/platform.
comment on schema projects is 'Purchased-service projects, clients, service records, cases, evaluations (owned by projects-service).';
