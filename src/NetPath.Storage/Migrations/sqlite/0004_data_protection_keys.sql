-- NetPath schema v4 (SQLite): the Data Protection key ring, shared by every instance over the
-- database, so that a session cookie or antiforgery token issued by one is read by all
-- (docs/decisions/0420-several-instances.md).
CREATE TABLE data_protection_keys (
    id integer NOT NULL PRIMARY KEY AUTOINCREMENT,
    friendly_name text NULL,
    xml text NULL
);
