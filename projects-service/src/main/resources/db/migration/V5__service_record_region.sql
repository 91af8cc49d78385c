-- The source totals of the reconciliation count a region subtree's records of a period: one range
-- of this index (region prefix, then time) instead of a scan of every record.
create index service_record_region on service_record (station_region_code, occurred_at);
