-- Alerts carry their explanation as data (service/contract.ts AlertExplanation: a key and typed
-- values), so dashboards say it in the staff's language. Null for alerts raised before this.
ALTER TABLE alerts ADD COLUMN IF NOT EXISTS explanation jsonb;

-- Failed logins, counted by the login throttle (service/auth/login-throttle.ts) in the database
-- so that every Vaka process on one database shares the count. `key` is the username and client
-- address together, or the address alone; rows older than the throttle's window are deleted as
-- new failures come in.
CREATE TABLE IF NOT EXISTS login_failures (
  id bigserial PRIMARY KEY,
  key text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS login_failures_key_at ON login_failures (key, at);
CREATE INDEX IF NOT EXISTS login_failures_at ON login_failures (at);
