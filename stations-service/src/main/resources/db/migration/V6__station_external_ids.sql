-- Issue 16: stations migrated in bulk are keyed by the caller's own id. An external id is unique
-- within the scope that sent it (a bureau's region, or the platform), so that two bureaus'
-- old systems may both number their stations from 1.
alter table station add column external_scope text;
alter table station add column external_id text;
alter table station add constraint station_external_id_scoped
    check ((external_scope is null) = (external_id is null));
create unique index station_external_id on station (external_scope, external_id) where external_id is not null;
