-- The personnel schema. Platform tables (outbox, inbox, idempotency keys) come from db/platform.
comment on schema personnel is 'Social workers, qualifications, assignments, filings, trainings, dispatches (owned by personnel-service).';
