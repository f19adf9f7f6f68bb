-- NetPath schema v3 (PostgreSQL): server-side sessions, and user names unique ignoring case.
-- Same tables and columns as the SQLite script (decision 0410).
ALTER TABLE users ADD COLUMN user_name_key text NULL;
CREATE UNIQUE INDEX ux_users_user_name_key ON users (user_name_key);

CREATE TABLE sessions (
    id uuid NOT NULL PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz NULL
);
CREATE INDEX ix_sessions_user ON sessions (user_id);
