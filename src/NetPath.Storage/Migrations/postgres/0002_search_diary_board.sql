-- NetPath schema v2 (PostgreSQL). Same tables and columns as the SQLite script.
ALTER TABLE patients ADD COLUMN search_name text NULL;
ALTER TABLE patients ADD COLUMN search_record_number text NULL;

CREATE TABLE diary_entries (
    id uuid NOT NULL PRIMARY KEY,
    patient_id uuid NOT NULL REFERENCES patients (id),
    entry_date date NOT NULL,
    symptoms_json text NOT NULL,
    diarrhea_per_day integer NULL,
    flushes_per_day integer NULL,
    wellbeing integer NOT NULL CHECK (wellbeing BETWEEN 0 AND 10),
    note text NULL,
    created_at timestamptz NOT NULL,
    created_by text NOT NULL
);
CREATE INDEX ix_diary_patient ON diary_entries (patient_id, entry_date);

CREATE TABLE board_items (
    id uuid NOT NULL PRIMARY KEY,
    patient_id uuid NOT NULL REFERENCES patients (id),
    meeting_date date NOT NULL,
    question text NOT NULL,
    status text NOT NULL CHECK (status IN ('listed', 'discussed', 'withdrawn')),
    outcome text NULL,
    version integer NOT NULL,
    created_at timestamptz NOT NULL,
    created_by text NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by text NOT NULL
);
CREATE INDEX ix_board_meeting ON board_items (meeting_date, status);
CREATE INDEX ix_board_patient ON board_items (patient_id, meeting_date);
