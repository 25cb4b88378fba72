-- Sessions, MFA alert state and MFA codes shared by the nodes (issue 14). Secrets are sealed with AES-256-GCM under
-- the cluster key (icloud.cluster.key-file / CAMEL_ICLOUD_CLUSTER_KEY), which never enters the database.
-- account_session (V1) keeps one sealed session per account, written under the shard's epoch.

-- One value sealed with the cluster key when the first node started: a node with another key is told so at start,
-- rather than finding every session unreadable.
CREATE TABLE cluster_key_check (
    id     SMALLINT PRIMARY KEY CHECK (id = 1),
    sealed BYTEA NOT NULL
);

-- The MFA state an alert was last sent for, per account (V1's mfa_state): the account's new leader does not alert
-- again for the same state.

-- What the leader of an account waits for: a verification code (kind 'code', or 'sms' after it asked Apple to text
-- one). Any node's web page and --auth-only read it, and answer through pending_mfa_code.
CREATE TABLE mfa_prompt (
    account    VARCHAR(255) PRIMARY KEY,
    kind       VARCHAR(16) NOT NULL,
    status     VARCHAR(16) NOT NULL,          -- waiting, or checking (a code was taken)
    wrong      BOOLEAN NOT NULL DEFAULT FALSE, -- the previous code was not accepted
    node       VARCHAR(255) NOT NULL,
    epoch      BIGINT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);

-- Codes typed into any node, sealed, for the account's leader: taken (deleted) once, gone when expired.
DROP TABLE pending_mfa_code;
CREATE TABLE pending_mfa_code (
    id          BIGSERIAL PRIMARY KEY,
    account     VARCHAR(255) NOT NULL,
    sealed_code BYTEA NOT NULL,
    entered_by  VARCHAR(255) NOT NULL,
    entered_at  TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    expires_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX pending_mfa_code_account ON pending_mfa_code (account, id);
