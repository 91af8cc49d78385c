-- The station network: city centres, county hubs, township stations and village rooms.
create table station (
    id              uuid        primary key,
    name            text        not null,
    level           text        not null check (level in ('CITY_CENTER', 'COUNTY_HUB', 'TOWNSHIP_STATION', 'VILLAGE_ROOM')),
    region_code     varchar(12) collate "C" not null,
    parent_id       uuid        references station (id),
    status          text        not null check (status in ('PLANNED', 'ESTABLISHED', 'OPERATING', 'SUSPENDED', 'CLOSED')),
    address         text,
    contact_note    text,
    established_on  date,
    floor_area_m2   numeric(12, 2) check (floor_area_m2 >= 0),
    rooms           jsonb       not null default '[]',
    co_locations    jsonb       not null default '[]',
    designations    jsonb       not null default '[]',
    operation_mode  text        not null check (operation_mode in ('GOVERNMENT_RUN', 'PURCHASED_SERVICE')),
    agency_id       uuid        references agency (id),
    -- As given by the client, in its reference system ...
    latitude        double precision,
    longitude       double precision,
    crs             text        check (crs in ('WGS84', 'GCJ02')),
    -- ... and normalised to WGS84 for distance queries.
    wgs_lat         double precision,
    wgs_lon         double precision,
    standard        jsonb,
    meets_standard  boolean     not null default false,
    version         bigint      not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    constraint station_operation_agency check ((operation_mode = 'PURCHASED_SERVICE') = (agency_id is not null)),
    constraint station_position_complete check (
        (latitude is null and longitude is null and crs is null and wgs_lat is null and wgs_lon is null)
        or (latitude is not null and longitude is not null and crs is not null and wgs_lat is not null and wgs_lon is not null))
);
-- One open township station per township and one open county hub per county; the service checks
-- first for a clear message, these indexes settle concurrent creations.
create unique index station_one_township_station on station (region_code)
    where level = 'TOWNSHIP_STATION' and status <> 'CLOSED';
create unique index station_one_county_hub on station (region_code)
    where level = 'COUNTY_HUB' and status <> 'CLOSED';
create index station_updated on station (updated_at, id);
create index station_region on station (region_code);
create index station_agency on station (agency_id) where agency_id is not null;
create index station_parent on station (parent_id) where parent_id is not null;
-- Bounding-box prefilter of the nearby query.
create index station_position on station (wgs_lat, wgs_lon) where wgs_lat is not null;

-- Every status change, as the audit trail of the lifecycle.
create table station_transition (
    id             uuid        primary key,
    station_id     uuid        not null references station (id),
    from_status    text        not null,
    to_status      text        not null,
    effective_date date        not null,
    reason         text,
    changed_by     text        not null,
    changed_at     timestamptz not null
);
create index station_transition_station on station_transition (station_id, changed_at, id);
