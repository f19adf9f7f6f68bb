-- NetPath schema v1 (SQLite). Times are UTC text (EF Core's DateTime format), dates ISO text,
-- ids are GUID text. Case and assessment JSON are stored as text exactly as validated/produced.
CREATE TABLE patients (
    id TEXT NOT NULL PRIMARY KEY,
    display_name TEXT NOT NULL,
    date_of_birth TEXT NULL,
    record_number TEXT NULL,
    version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted_at TEXT NULL,
    deleted_by TEXT NULL,
    site TEXT NULL,
    grade TEXT NULL,
    stage_group TEXT NULL,
    follow_up_due TEXT NULL,
    latest_assessment_id TEXT NULL
);
CREATE INDEX ix_patients_listing ON patients (deleted_at, created_at);

CREATE TABLE case_versions (
    id TEXT NOT NULL PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patients (id),
    version_number INTEGER NOT NULL,
    case_json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    UNIQUE (patient_id, version_number)
);

CREATE TABLE assessments (
    id TEXT NOT NULL PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patients (id),
    case_version_id TEXT NOT NULL REFERENCES case_versions (id),
    output_json TEXT NOT NULL,
    knowledge_version TEXT NOT NULL,
    knowledge_content_hash TEXT NOT NULL,
    rules_fired_json TEXT NOT NULL,
    assessment_date TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);
CREATE INDEX ix_assessments_patient ON assessments (patient_id, created_at);

CREATE TABLE audit_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    user_name TEXT NOT NULL,
    action TEXT NOT NULL,
    patient_id TEXT NULL,
    outcome TEXT NOT NULL
);
CREATE INDEX ix_audit_patient ON audit_events (patient_id, id);

CREATE TABLE users (
    id TEXT NOT NULL PRIMARY KEY,
    user_name TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    patient_id TEXT NULL REFERENCES patients (id),
    failed_sign_ins INTEGER NOT NULL,
    locked_until TEXT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE idempotency_keys (
    user_name TEXT NOT NULL,
    key TEXT NOT NULL,
    operation TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    resource_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (user_name, key)
);
