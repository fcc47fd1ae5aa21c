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
-- the agent presence example (AgentPresenceRoute): each agent's presence as Genesys Cloud last pushed it; changes
-- counts the events written, gap_since when the last event came after a gap in the notifications (the row was then
-- read again from Genesys, since events of the gap are lost)
create table if not exists agent_presence (
    user_id         varchar(64) primary key,
    system_presence varchar(40),
    presence_id     varchar(64),
    message         varchar(500),
    modified_date   varchar(40),
    updated_at      timestamp default localtimestamp not null,
    changes         int default 0 not null,
    gap_since       varchar(40)
);
