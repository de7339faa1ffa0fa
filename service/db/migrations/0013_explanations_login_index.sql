-- Alerts carry their explanation as data (service/contract.ts AlertExplanation: a key and typed
-- values), so dashboards say it in the staff's language. Null for alerts raised before this.
ALTER TABLE alerts ADD COLUMN IF NOT EXISTS explanation jsonb;

-- The login throttle (service/auth/login-throttle.ts) counts failed sign-ins in the audit log, so
-- every Vaka process on one database shares the count: look-ups by client address and time.
CREATE INDEX IF NOT EXISTS audit_log_logins ON audit_log (ip, at) WHERE action = 'auth.login';
