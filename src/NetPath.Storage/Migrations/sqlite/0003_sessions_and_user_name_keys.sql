-- NetPath schema v3 (SQLite): server-side sessions, and user names unique ignoring case.
-- user_name_key is the user name folded by Accounts.UserNameKey (C#, the same on every database);
-- rows older than this script are filled in by the migrator right after it. A session cookie
-- names a row of sessions; signing out, a lockout or a change of role or patient link ends it
-- for every instance at once, because every request reads it (decision 0410).
ALTER TABLE users ADD COLUMN user_name_key TEXT NULL;
CREATE UNIQUE INDEX ux_users_user_name_key ON users (user_name_key);

CREATE TABLE sessions (
    id TEXT NOT NULL PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked_at TEXT NULL
);
CREATE INDEX ix_sessions_user ON sessions (user_id);
