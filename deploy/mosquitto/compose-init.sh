#!/bin/sh
# Prepares Mosquitto's configuration folder for docker compose. Run by the one-shot service
# mosquitto-config in docker-compose.yml, inside the eclipse-mosquitto:2 image, as root, on
# every `docker compose up`:
#   - copies mosquitto.conf and acl from this folder (mounted read-only at /deploy),
#   - builds passwd from VAKA_MQTT_PASSWORD and Z2M_MQTT_PASSWORD (and devices.txt, if
#     present) with make-passwd.sh,
#   - makes acl and passwd owned by the broker's user (mosquitto, uid 1883) with mode 600,
#     so Mosquitto can read them and nobody else can.
# The result lives in the named volume mosquitto-config, which the broker mounts read-only
# at /mosquitto/config. No password is written to the host's checkout.
set -eu

src=$(cd "$(dirname "$0")" && pwd)
dest=${1:-/mosquitto/config}

mkdir -p "$dest"
cp "$src/mosquitto.conf" "$dest/mosquitto.conf.tmp"
mv -f "$dest/mosquitto.conf.tmp" "$dest/mosquitto.conf"
chmod 644 "$dest/mosquitto.conf"
cp "$src/acl" "$dest/acl.tmp"
chmod 600 "$dest/acl.tmp"
if [ "$(id -u)" = 0 ] && id mosquitto >/dev/null 2>&1; then
  chown mosquitto:mosquitto "$dest/acl.tmp"
fi
mv -f "$dest/acl.tmp" "$dest/acl"

sh "$src/make-passwd.sh" "$dest/passwd"
echo "compose-init.sh: $dest is ready (mosquitto.conf, acl, passwd)"
