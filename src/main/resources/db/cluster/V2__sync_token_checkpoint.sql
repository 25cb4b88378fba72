-- Sync tokens shared by the nodes: beside the token, what a pass needs to resume from it on any node (the library,
-- Apple's zoneID as JSON, whether it is the Shared Library), and the shard and node that wrote it. Rows are
-- written only under the shard's epoch (the row's epoch column), so a stale leader can never move a token.
ALTER TABLE sync_token
    ADD COLUMN library    VARCHAR(255),
    ADD COLUMN zone_id    TEXT,
    ADD COLUMN shared     BOOLEAN,
    ADD COLUMN shard      INTEGER,
    ADD COLUMN written_by VARCHAR(255);
