-- Broker accounts for the embedded MQTT broker (issue 7): one per native device (its user name
-- is its device id, which ties it to vaka/sensor/<device id>, as deploy/mosquitto/acl does) and
-- one for the Zigbee2MQTT bridge. Vaka's own login is made at each start and never stored.
-- Passwords are machine-made random secrets shown once; only their SHA-256 is kept.

CREATE TABLE mqtt_accounts (
  username text PRIMARY KEY CHECK (length(username) BETWEEN 1 AND 64),
  role text NOT NULL CHECK (role IN ('device', 'bridge')),
  -- The device a device account belongs to: removing the device removes its login.
  device_id uuid UNIQUE REFERENCES devices (id) ON DELETE CASCADE,
  secret_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((role = 'device') = (device_id IS NOT NULL))
);
