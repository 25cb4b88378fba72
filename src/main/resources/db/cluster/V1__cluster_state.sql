-- camel-icloud cluster state (PostgreSQL). Applied by Flyway when a node starts; nodes starting together wait
-- for each other on Flyway's lock. Secrets (sessions, trust tokens, MFA codes) are stored sealed with a key that
-- never enters the database.

-- The leader of each shard and its epoch: taking a shard increments the epoch; every state write names the
-- epoch it was made under and is refused once the epoch moved on (fencing a stale leader).
CREATE TABLE shard_owner (
    shard      INTEGER PRIMARY KEY,
    owner      VARCHAR(255) NOT NULL,
    epoch      BIGINT NOT NULL,
    since      TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);

-- What each destination holds: one row per file (the record of DeliveredState), written under a shard's epoch.
CREATE TABLE delivered_file (
    record_name  VARCHAR(255) NOT NULL,
    path_hash    CHAR(64) NOT NULL,
    path         VARCHAR(4096) NOT NULL,
    delivery_key VARCHAR(1024) NOT NULL,
    sha256       CHAR(64),
    shard        INTEGER NOT NULL,
    epoch        BIGINT NOT NULL,
    written_by   VARCHAR(255) NOT NULL,
    written_at   TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (record_name, path_hash)
);

-- Every fenced write, in order: who wrote for which shard under which epoch (audit; the tests check from it
-- that no two nodes wrote for one shard at the same time).
CREATE TABLE fenced_write (
    id         BIGSERIAL PRIMARY KEY,
    shard      INTEGER NOT NULL,
    epoch      BIGINT NOT NULL,
    node       VARCHAR(255) NOT NULL,
    what       VARCHAR(64) NOT NULL,
    written_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX fenced_write_shard ON fenced_write (shard, id);

-- Incremental sync: the token per account and scope (library, zone, options), advanced after the batch's
-- delivered rows are committed.
CREATE TABLE sync_token (
    account    VARCHAR(255) NOT NULL,
    scope_hash CHAR(64) NOT NULL,
    token      TEXT NOT NULL,
    epoch      BIGINT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (account, scope_hash)
);

-- The account's session: cookies, session and trust tokens, sealed (AES-GCM) with the cluster's key.
CREATE TABLE account_session (
    account    VARCHAR(255) PRIMARY KEY,
    sealed     BYTEA NOT NULL,
    version    BIGINT NOT NULL,
    epoch      BIGINT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);

-- MFA: what was last seen and alerted about per account, and codes typed into any node for the leader.
CREATE TABLE mfa_state (
    account      VARCHAR(255) PRIMARY KEY,
    state        TEXT NOT NULL,
    alert_sent   TIMESTAMPTZ,
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);

CREATE TABLE pending_mfa_code (
    account      VARCHAR(255) PRIMARY KEY,
    sealed_code  BYTEA,
    requested_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    entered_at   TIMESTAMPTZ
);
