-- Social-work agencies (社工机构) that operate stations under purchased-service projects.
create table agency (
    id                  uuid        primary key,
    name                text        not null,
    -- 统一社会信用代码 (GB 32100-2015); its check digit is verified by the service.
    credit_code         varchar(18) collate "C" not null,
    legal_form          text        not null check (legal_form in ('SOCIAL_SERVICE_ORGANIZATION', 'SOCIAL_GROUP',
                                        'FOUNDATION', 'PUBLIC_INSTITUTION', 'ENTERPRISE', 'OTHER')),
    registration_region varchar(12) collate "C" not null,
    grade               text        check (grade in ('A1', 'A2', 'A3', 'A4', 'A5')),
    grade_year          integer,
    contact_person      text,
    contact_email       text,
    contact_address     text,
    status              text        not null check (status in ('ACTIVE', 'SUSPENDED', 'DEREGISTERED')),
    version             bigint      not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    constraint agency_credit_code_unique unique (credit_code),
    constraint agency_credit_code_format check (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'),
    constraint agency_grade_year check ((grade is null) = (grade_year is null))
);
-- Change feed and keyset pagination order.
create index agency_updated on agency (updated_at, id);
-- Region filter and bureau scope: prefix ranges on a "C" collated column use the index.
create index agency_registration_region on agency (registration_region);
