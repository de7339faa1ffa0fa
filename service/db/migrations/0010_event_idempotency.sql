-- Vaka schema, version 10: idempotent event writes. QoS 1 is at-least-once: after a restart the
-- broker sends again what Vaka had received but not yet acknowledged, and those copies must not
-- be stored twice. A reading is the same reading when the device, the type and the event time
-- agree (payloads with their own timestamp; an untimed Zigbee2MQTT copy gets a new receive time
-- and is caught only by the gateway's in-memory duplicate window).
DELETE FROM events a USING events b
WHERE a.id > b.id AND a.device_id = b.device_id AND a.type = b.type AND a.event_time = b.event_time;

CREATE UNIQUE INDEX events_once ON events (device_id, type, event_time);
