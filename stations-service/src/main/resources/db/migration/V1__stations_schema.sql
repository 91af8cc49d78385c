-- The stations schema. Platform tables (outbox, inbox, idempotency keys) come from db/platform.
comment on schema stations is 'Regions, the station network and agencies (owned by stations-service).';
