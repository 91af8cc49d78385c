-- The monthly bulletin (每月一通报) of a province or city bureau: rankings of its child regions frozen
-- at compile time, the bureau's comments per child region and a summary; immutable once issued.
create table bulletin (
    id           uuid primary key,
    region_code  text collate "C" not null,
    period_start date not null,
    period_end   date not null,
    status       text not null,
    summary      text,
    comments     jsonb not null default '{}',
    rankings     jsonb not null,
    as_of        timestamptz,
    created_by   text not null,
    created_at   timestamptz not null,
    issued_at    timestamptz,
    issued_by    text,
    version      bigint not null,
    updated_at   timestamptz not null,
    unique (region_code, period_start)
);
