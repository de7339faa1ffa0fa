#!/bin/sh
# Builds Mosquitto's password file for Vaka from environment variables, so no password is
# ever written to the repository.
#
#   VAKA_MQTT_PASSWORD=... Z2M_MQTT_PASSWORD=... deploy/mosquitto/make-passwd.sh [OUTPUT]
#
# OUTPUT defaults to passwd beside this script (deploy/mosquitto/passwd, ignored by git).
#
# Users written:
#   ${VAKA_MQTT_USERNAME:-vaka}        password VAKA_MQTT_PASSWORD (required)
#   ${Z2M_MQTT_USERNAME:-zigbee2mqtt}  password Z2M_MQTT_PASSWORD (required)
#   one user per line of devices.txt beside this script, if that file exists: lines
#   "<deviceId>:<password>" for native Vaka devices (the ACL lets each publish only to
#   vaka/sensor/<deviceId>). Blank lines and lines starting with # are skipped. Keep
#   devices.txt out of git (deploy/mosquitto/.gitignore does).
#
# Hashing uses mosquitto_passwd (PBKDF2-SHA512): the one on PATH if there is one, otherwise
# the eclipse-mosquitto:2 image's, through docker. docker-compose.yml runs this script
# inside the mosquitto image on every `docker compose up` (service mosquitto-passwd), so with
# compose you only set the variables in .env.
#
# Passwords never appear on a command line: they go through a temporary plain-text file
# (mode 600) that `mosquitto_passwd -U` hashes in place. A password may contain any
# character except a newline and ':' (which -U would silently cut at); long random
# passwords such as `openssl rand -hex 24` are the safe choice.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
out=${1:-"$here/passwd"}
image=${MOSQUITTO_IMAGE:-eclipse-mosquitto:2}

: "${VAKA_MQTT_PASSWORD:?set VAKA_MQTT_PASSWORD (the password Vaka uses to log in to the broker)}"
: "${Z2M_MQTT_PASSWORD:?set Z2M_MQTT_PASSWORD (the password Zigbee2MQTT uses to log in to the broker)}"
vaka_user=${VAKA_MQTT_USERNAME:-vaka}
z2m_user=${Z2M_MQTT_USERNAME:-zigbee2mqtt}

die() {
  echo "make-passwd.sh: $*" >&2
  exit 1
}

check_user() {
  case $1 in
    '' | *:* | *'#'* | *+* | */*) die "user name '$1' must be non-empty without : # + /" ;;
  esac
}
check_password() {
  [ -n "$2" ] || die "empty password for user '$1'"
  case $2 in
    *'
'*) die "the password for user '$1' contains a newline" ;;
    # mosquitto_passwd -U cuts a password at its first ':' without a word (measured with
    # Mosquitto 2.0.11), which would leave the broker expecting a different password.
    *:*) die "the password for user '$1' contains ':'; use e.g. \`openssl rand -hex 24\`" ;;
  esac
}

umask 077
work=$(mktemp -d "${TMPDIR:-/tmp}/vaka-passwd.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
plain="$work/passwd"

check_user "$vaka_user"
check_password "$vaka_user" "$VAKA_MQTT_PASSWORD"
check_user "$z2m_user"
check_password "$z2m_user" "$Z2M_MQTT_PASSWORD"
[ "$vaka_user" != "$z2m_user" ] || die "VAKA_MQTT_USERNAME and Z2M_MQTT_USERNAME must differ"
printf '%s:%s\n' "$vaka_user" "$VAKA_MQTT_PASSWORD" >"$plain"
printf '%s:%s\n' "$z2m_user" "$Z2M_MQTT_PASSWORD" >>"$plain"

devices=0
if [ -f "$here/devices.txt" ]; then
  while IFS= read -r line || [ -n "$line" ]; do
    case $line in '' | '#'*) continue ;; esac
    device=${line%%:*}
    password=${line#*:}
    [ "$device" != "$line" ] || die "devices.txt: a line without ':' (expected <deviceId>:<password>)"
    # The same rule as Vaka's device ids (gateway/formats/vaka-native.ts DEVICE_ID_PATTERN).
    printf '%s\n' "$device" | grep -Eq '^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$' \
      || die "devices.txt: '$device' is not a Vaka device id (1-64 of A-Z a-z 0-9 _ . : -)"
    check_user "$device"
    [ "$device" != "$vaka_user" ] && [ "$device" != "$z2m_user" ] \
      || die "devices.txt: device id '$device' clashes with a service user"
    check_password "$device" "$password"
    printf '%s:%s\n' "$device" "$password" >>"$plain"
    devices=$((devices + 1))
  done <"$here/devices.txt"
fi

if command -v mosquitto_passwd >/dev/null 2>&1; then
  mosquitto_passwd -U "$plain"
elif command -v docker >/dev/null 2>&1; then
  chmod 700 "$work"
  chmod 600 "$plain"
  docker run --rm --user "$(id -u):$(id -g)" -v "$work:/work" --entrypoint mosquitto_passwd \
    "$image" -U /work/passwd
else
  die "needs mosquitto_passwd (apt install mosquitto) or docker"
fi
grep -q ':\$7\$' "$plain" || die "mosquitto_passwd did not hash the file"

# Replace the output in one step, readable only by its owner. Inside the mosquitto image,
# running as root, hand it to the broker's user so Mosquitto can read it (and does not warn
# about its permissions).
mkdir -p "$(dirname "$out")"
cp "$plain" "$out.tmp.$$"
chmod 600 "$out.tmp.$$"
if [ "$(id -u)" = 0 ] && id mosquitto >/dev/null 2>&1; then
  chown mosquitto:mosquitto "$out.tmp.$$"
fi
mv -f "$out.tmp.$$" "$out"
echo "make-passwd.sh: wrote $out ($((devices + 2)) users: $vaka_user, $z2m_user, $devices device(s))"
