-- LATE_FILING measures a filed change by the filing's own delay (filed on minus the change date),
-- which the assignment event carries; the assignment's start is the change date only for a new one.
alter table rm_assignment add column filing_days integer;
