-- Vaka schema, version 6: retention. Raw events, dead letters, unclaimed sightings and old
-- alert history are deleted after configured periods (service/retention.ts). A BRIN index
-- finds old rows of the append-only tables at almost no cost to ingest.

CREATE INDEX events_received_brin ON events USING brin (received_at);

CREATE INDEX alert_changes_at ON alert_changes (at);
