-- Embedded metadata for S3 and SFTP (issue 17): each delivered file's row keeps the fingerprint of the iCloud metadata
-- written into it and its XMP sidecar, so a metadata-only change in iCloud rewrites the file without downloading it,
-- and 'pending:<fingerprint>' while writing it failed (the next run writes only the metadata). Null: none recorded
-- (rows from before, destinations without --embed-metadata/--xmp-sidecar): the next run records the current one.
ALTER TABLE delivered_file ADD COLUMN metadata VARCHAR(64);
