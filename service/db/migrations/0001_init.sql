-- Vaka schema, version 1. Runs unchanged on PostgreSQL 15+ and PGlite.
-- Status-like columns are text with CHECK constraints rather than enums, so later migrations
-- can widen them without ALTER TYPE.

CREATE TABLE residents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_activity_at timestamptz,
  last_room_id uuid
);

CREATE TABLE rooms (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  resident_id uuid NOT NULL REFERENCES residents (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  kind text NOT NULL CHECK (kind IN ('bedroom', 'bathroom', 'kitchen', 'living_room', 'hall', 'entrance', 'outdoor', 'other')),
  UNIQUE (resident_id, name)
);

CREATE TABLE devices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  format text NOT NULL CHECK (format IN ('vaka', 'z2m')),
  address text NOT NULL,
  resident_id uuid NOT NULL REFERENCES residents (id) ON DELETE CASCADE,
  room_id uuid REFERENCES rooms (id) ON DELETE SET NULL,
  kind text NOT NULL,
  label text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz,
  battery real,
  battery_low boolean,
  linkquality integer,
  online boolean,
  UNIQUE (format, address)
);

CREATE TABLE unclaimed_devices (
  format text NOT NULL,
  address text NOT NULL,
  topic text NOT NULL,
  signals jsonb NOT NULL DEFAULT '[]',
  sample_payload text NOT NULL,
  first_seen_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  message_count bigint NOT NULL DEFAULT 1,
  PRIMARY KEY (format, address)
);

-- Raw events: no foreign keys, so ingest stays a plain append and retention a plain delete.
CREATE TABLE events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  resident_id uuid NOT NULL,
  device_id uuid NOT NULL,
  room_id uuid,
  type text NOT NULL,
  value_bool boolean,
  value_num double precision,
  event_time timestamptz NOT NULL,
  received_at timestamptz NOT NULL,
  battery real,
  linkquality integer
);
CREATE INDEX events_resident_time ON events (resident_id, event_time);

CREATE TABLE dead_letters (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  topic text NOT NULL,
  payload text NOT NULL,
  payload_bytes integer NOT NULL,
  reason text NOT NULL,
  detail text NOT NULL,
  received_at timestamptz NOT NULL
);
CREATE INDEX dead_letters_received ON dead_letters (received_at);

CREATE TABLE alerts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  resident_id uuid NOT NULL REFERENCES residents (id) ON DELETE CASCADE,
  room_id uuid,
  device_id uuid,
  kind text NOT NULL,
  rule_id text NOT NULL,
  severity text NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'technical')),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'resolved')),
  -- Repeats of the same problem fold into one open alert: the kind, plus the device for technical ones.
  fold_key text NOT NULL,
  reason text NOT NULL,
  occurrences integer NOT NULL DEFAULT 1,
  detected_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  delivered_at timestamptz,
  acknowledged_at timestamptz,
  acknowledged_by text,
  resolved_at timestamptz,
  resolved_by text,
  outcome text CHECK (outcome IN ('confirmed', 'false_alarm', 'expected', 'cleared')),
  note text
);
CREATE UNIQUE INDEX alerts_one_open ON alerts (resident_id, fold_key) WHERE status <> 'resolved';
CREATE INDEX alerts_detected ON alerts (detected_at);

-- Every alert change, numbered: the WebSocket stream replays from here to a client that reconnects.
CREATE TABLE alert_changes (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  alert_id uuid NOT NULL,
  change text NOT NULL,
  alert jsonb NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
