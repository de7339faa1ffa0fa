-- Vaka schema, version 5: the alert lifecycle after it is raised. An alert nobody acknowledges
-- escalates step by step (docs/alert-lifecycle.md); staff add notes; staff mark a resident away,
-- in hospital or with a visitor, which holds back the at-home alerts it explains.

ALTER TABLE alerts ADD COLUMN escalation_level integer NOT NULL DEFAULT 0;

ALTER TABLE alerts ADD COLUMN escalated_at timestamptz;

-- The severity it was raised with, kept once an escalation raises it: the policy's ladder.
ALTER TABLE alerts ADD COLUMN initial_severity text;

-- Who should see it: the resident's own team, or (escalated) every carer on duty.
ALTER TABLE alerts ADD COLUMN audience text NOT NULL DEFAULT 'team' CHECK (audience IN ('team', 'everyone'));

CREATE TABLE alert_notes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  alert_id uuid NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
  author text NOT NULL,
  body text NOT NULL,
  at timestamptz NOT NULL
);

CREATE INDEX alert_notes_alert ON alert_notes (alert_id, at);

CREATE TABLE resident_contexts (
  resident_id uuid PRIMARY KEY REFERENCES residents (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('away', 'hospital', 'visitor')),
  until timestamptz NOT NULL,
  note text,
  set_by text NOT NULL,
  set_at timestamptz NOT NULL
);
