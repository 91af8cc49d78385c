-- A listing that expires changes the worker's status without any request: the expiry job re-announces
-- the worker once per listing and marks it here, so consumers never keep a stale "listed" flag.
alter table dishonesty_listing add column expiry_announced boolean not null default false;
create index dishonesty_listing_expiry on dishonesty_listing (expires_on) where not expiry_announced and delisted_on is null;
