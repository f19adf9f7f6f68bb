-- NetPath schema v2 (SQLite): patient search keys, the patient's symptom diary, the tumour-board list.
-- search_name / search_record_number hold the display name and record number case-folded by
-- PatientSearch.Fold (C#, the same on every database); rows older than this script are filled
-- in by the migrator right after it (decision 0510).
ALTER TABLE patients ADD COLUMN search_name TEXT NULL;
ALTER TABLE patients ADD COLUMN search_record_number TEXT NULL;

CREATE TABLE diary_entries (
    id TEXT NOT NULL PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patients (id),
    entry_date TEXT NOT NULL,
    symptoms_json TEXT NOT NULL,
    diarrhea_per_day INTEGER NULL,
    flushes_per_day INTEGER NULL,
    wellbeing INTEGER NOT NULL CHECK (wellbeing BETWEEN 0 AND 10),
    note TEXT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);
CREATE INDEX ix_diary_patient ON diary_entries (patient_id, entry_date);

CREATE TABLE board_items (
    id TEXT NOT NULL PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patients (id),
    meeting_date TEXT NOT NULL,
    question TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('listed', 'discussed', 'withdrawn')),
    outcome TEXT NULL,
    version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);
CREATE INDEX ix_board_meeting ON board_items (meeting_date, status);
CREATE INDEX ix_board_patient ON board_items (patient_id, meeting_date);
