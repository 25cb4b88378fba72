-- Run once as postgres on the database machine: sudo -u postgres psql -f postgresql-setup.sql
-- (then allow the three nodes in pg_hba.conf: hostssl camel_icloud camel_icloud 10.0.0.0/24 scram-sha-256)
CREATE ROLE camel_icloud LOGIN PASSWORD 'change-me';
CREATE DATABASE camel_icloud OWNER camel_icloud;
