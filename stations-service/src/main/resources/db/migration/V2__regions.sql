-- National administrative divisions. Codes nest by prefix (2 province, 4 city, 6 county,
-- 9 township, 12 village), so a subtree is a prefix range: the "C" collation makes
-- "code like '3304%'" use the primary-key index.
create table region (
    code          varchar(12) collate "C" primary key,
    name          text        not null,
    level         text        not null check (level in ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE')),
    parent_code   varchar(12) collate "C",
    township_kind text        check (township_kind in ('STREET', 'TOWN', 'TOWNSHIP', 'OTHER')),
    valid_from    date,
    valid_to      date,
    merged_into   varchar(12) collate "C",
    retire_reason text,
    version       bigint      not null default 1,
    updated_at    timestamptz not null default now(),
    constraint region_code_length check (length(code) = case level
        when 'PROVINCE' then 2 when 'CITY' then 4 when 'COUNTY' then 6 when 'TOWNSHIP' then 9 else 12 end),
    constraint region_parent_prefix check (parent_code is null or code like parent_code || '%'),
    constraint region_validity check (valid_to is null or valid_from is null or valid_to > valid_from)
);
create index region_parent on region (parent_code, code);
create index region_level_code on region (level, code);
create index region_updated on region (updated_at, code);
