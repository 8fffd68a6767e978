#!/usr/bin/env bash
# Makes the datastores the tests use ready on this machine: installs what is missing from Debian's
# packages (as root), configures Postgres for local trust auth, starts Postgres and Redis, and waits
# for them. Run by .ci/run and before `npm test`; safe to run again (it changes nothing that is up).
#
#   scripts/test-services.sh          Postgres, Redis, a JDK and Maven (DynamoDB Local, OpenSearch), Python's venv (moto)
#                                     and, as root, Chromium
#   SKIP_SERVICE_SETUP=1 npm test     leaves the machine alone (point TEST_DATABASE_URL and
#                                     TEST_REDIS_URL at servers of your own)
set -uo pipefail

[ "${SKIP_SERVICE_SETUP:-}" = "1" ] && exit 0

PG_PORT=5432
REDIS_PORT=6379
say() { printf '[services] %s\n' "$*"; }
is_root() { [ "$(id -u)" = "0" ]; }

apt_updated=0
apt_install() {
  if ! is_root; then
    say "missing: $* (install them from Debian's packages, or run as root to have this script do it)"
    return 1
  fi
  if [ "$apt_updated" = "0" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 || true
    apt_updated=1
  fi
  say "installing $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

pg_ready() { pg_isready -h 127.0.0.1 -p "$PG_PORT" -q 2>/dev/null; }
redis_ready() { redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; }

# --- Postgres -------------------------------------------------------------------------------
if ! pg_ready; then
  if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
    apt_install postgresql postgresql-contrib || exit 1
  fi
  if is_root; then
    version=$(ls /usr/lib/postgresql | sort -V | tail -n1)
    if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -q "^$version main$"; then
      pg_createcluster "$version" main -p "$PG_PORT" >/dev/null
    fi
    hba="/etc/postgresql/$version/main/pg_hba.conf"
    # Local trust auth: tests connect as postgres over loopback with no password. Loopback only.
    if ! grep -q '^# shop: local trust' "$hba"; then
      cat >"$hba" <<'EOF'
# shop: local trust auth for the test servers on this machine (loopback only)
local   all             all                                     trust
host    all             all             127.0.0.1/32            trust
host    all             all             ::1/128                 trust
local   replication     all                                     trust
host    replication     all             127.0.0.1/32            trust
EOF
    fi
    conf="/etc/postgresql/$version/main/postgresql.conf"
    grep -q '^# shop: test settings' "$conf" || cat >>"$conf" <<EOF
# shop: test settings
listen_addresses = '127.0.0.1'
port = $PG_PORT
max_connections = 1000
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
    say "starting Postgres $version"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null \
      || pg_ctlcluster --skip-systemctl-redirect "$version" main restart
  fi
  for _ in $(seq 1 60); do pg_ready && break; sleep 0.5; done
fi
pg_ready || { say "Postgres is not answering on 127.0.0.1:$PG_PORT"; exit 1; }

# --- Redis ----------------------------------------------------------------------------------
if ! redis_ready; then
  command -v redis-server >/dev/null 2>&1 || apt_install redis-server || exit 1
  say "starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
    --logfile /tmp/shop-test-redis.log >/dev/null
  for _ in $(seq 1 60); do redis_ready && break; sleep 0.5; done
fi
redis_ready || { say "Redis is not answering on 127.0.0.1:$REDIS_PORT"; exit 1; }

# --- Java and Maven (DynamoDB Local; the OpenSearch node, built by Maven) ---------------------
if ! command -v javac >/dev/null 2>&1; then
  apt_install openjdk-17-jdk-headless || exit 1
fi
command -v mvn >/dev/null 2>&1 || apt_install maven || exit 1

# --- Python with venv (moto, which the test run installs into .data/moto from PyPI) ------------
if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
  apt_install python3 python3-venv || exit 1
fi

# --- Chromium (the browser tests; they skip with one line where it is missing) ----------------
if [ ! -x /usr/bin/chromium ] && is_root; then
  apt_install chromium || say "Chromium could not be installed: the browser tests will skip"
fi

exit 0
