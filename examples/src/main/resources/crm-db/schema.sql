-- The CRM table of the database sync example (H2 and PostgreSQL alike). updated_at is the CRM's own change time;
-- synced_at the start of the sync run that last handled the row (stored, or refused with sync_error): a row needs
-- syncing while synced_at is null or older than updated_at.
create table if not exists crm_contact (
    crm_id      varchar(40) primary key,
    first_name  varchar(100),
    last_name   varchar(100),
    work_email  varchar(256),
    work_phone  varchar(40),
    title       varchar(100),
    updated_at  timestamp default localtimestamp not null,
    synced_at   timestamp,
    genesys_id  varchar(64),
    sync_error  varchar(2000)
);
-- every refusal, kept: which row, why, the HTTP status (400 for the component's own input checks)
create table if not exists crm_sync_error (
    crm_id      varchar(40) not null,
    reason      varchar(2000),
    status      int,
    failed_at   timestamp default localtimestamp not null
);
