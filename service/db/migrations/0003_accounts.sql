-- Vaka schema, version 3: staff accounts, teams, sessions and the audit log (issue 5).
-- A resident belongs to at most one team; a carer sees only their own team's residents.
-- Runs unchanged on PostgreSQL 15+ and PGlite.

CREATE TABLE teams (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
  created_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE residents ADD COLUMN team_id uuid REFERENCES teams (id) ON DELETE SET NULL;
CREATE INDEX residents_team ON residents (team_id);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Stored lower-case, so "Eva" and "eva" are one account.
  username text NOT NULL UNIQUE CHECK (username = lower(username) AND length(username) BETWEEN 1 AND 64),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
  role text NOT NULL CHECK (role IN ('carer', 'operator', 'admin')),
  team_id uuid REFERENCES teams (id) ON DELETE SET NULL,
  -- scrypt$N$r$p$salt$hash (service/auth/password.ts); never the password itself.
  password_hash text NOT NULL,
  must_change_password boolean NOT NULL DEFAULT false,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Opaque session tokens: only their SHA-256 is stored, so a copy of the database logs nobody in.
CREATE TABLE sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash text NOT NULL UNIQUE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Who did what, when: logins, acknowledgements, resolutions, onboarding and account changes.
-- actor_name is kept as text so the entry survives the account's removal.
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid,
  actor_name text,
  action text NOT NULL,
  target_id text,
  outcome text NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
  ip text,
  detail jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_at ON audit_log (at);
