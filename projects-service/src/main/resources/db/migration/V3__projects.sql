-- The service catalogue: codes with a category and labels, seeded here, extended by a platform admin.
create table service_item (
    code       text primary key,
    category   text not null,
    label_zh   text not null,
    label_en   text not null,
    created_at timestamptz not null default now()
);
insert into service_item (code, category, label_zh, label_en) values
    ('SOCIAL_ASSISTANCE', 'SOCIAL_ASSISTANCE', '社会救助服务', 'Social assistance'),
    ('NEEDS_ASSESSMENT', 'SOCIAL_ASSISTANCE', '救助对象需求评估', 'Needs assessment of assistance recipients'),
    ('ELDERLY_CARE', 'ELDERLY', '养老服务', 'Elderly care'),
    ('ELDERLY_VISIT', 'ELDERLY', '独居老人探访', 'Visits to elderly living alone'),
    ('CHILD_WELFARE', 'CHILD', '儿童福利服务', 'Child welfare'),
    ('LEFT_BEHIND_CHILD_CARE', 'CHILD', '留守儿童关爱', 'Care for left-behind children'),
    ('DISABILITY_SUPPORT', 'DISABILITY', '残疾人服务', 'Disability support'),
    ('FAMILY_SUPPORT', 'FAMILY', '家庭服务', 'Family support'),
    ('COMMUNITY_GOVERNANCE', 'COMMUNITY', '社区治理', 'Community governance'),
    ('VOLUNTEER_MOBILISATION', 'VOLUNTEER', '志愿者动员', 'Volunteer mobilisation');

-- Projects: lists that are always read and written whole are jsonb; the team is a table because
-- its rules (one IN_SERVICE project per worker, churn) are enforced and counted in SQL.
create table project (
    id                    uuid primary key,
    code                  text not null,
    name                  text not null,
    purchaser_region_code text not null collate "C",
    contractor_agency_id  uuid,
    station_ids           jsonb not null,
    period_start          date not null,
    period_end            date not null,
    contract_number       text,
    contract_date         date,
    procurement_method    text not null,
    status                text not null,
    termination_reason    text,
    budget_fen            bigint not null check (budget_fen >= 0),
    funding               jsonb not null,
    disbursements         jsonb not null,
    service_items         jsonb not null,
    targets               jsonb not null,
    min_full_time_workers integer not null default 0,
    min_certified_workers integer not null default 0,
    evaluator_subjects    jsonb not null,
    version               bigint not null,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    constraint project_code_unique unique (code)
);
create index project_region on project (purchaser_region_code);
create index project_agency on project (contractor_agency_id);
create index project_feed on project (updated_at, id);
create index project_stations on project using gin (station_ids);

create table project_member (
    project_id uuid not null references project (id),
    worker_id  uuid not null,
    role       text not null,
    since      date not null,
    primary key (project_id, worker_id)
);
create index project_member_worker on project_member (worker_id);

-- The guard of "a worker is on at most one IN_SERVICE project": one row per worker while a project
-- they are on is IN_SERVICE. Two racing requests cannot both insert the same worker.
create table in_service_member (
    worker_id  uuid primary key,
    project_id uuid not null references project (id)
);

-- Every team change, kept for churn.
create table project_team_change (
    id          uuid primary key,
    project_id  uuid not null references project (id),
    worker_id   uuid not null,
    change      text not null check (change in ('JOINED', 'LEFT')),
    role        text not null,
    reason      text,
    changed_at  timestamptz not null,
    changed_by  text not null
);
create index project_team_change_project on project_team_change (project_id, changed_at);
