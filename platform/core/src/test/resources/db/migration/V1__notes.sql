create table note (
    id         uuid primary key,
    text       text not null,
    region     varchar(12) not null,
    version    bigint not null,
    updated_at timestamptz not null
);
create table note_copy (
    id      uuid primary key,
    text    text not null,
    version bigint not null
);
create table note_tally (
    event_id uuid primary key,
    text     text not null
);
