#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests (issue 16).
#
#   .ci/postgres.sh start   installs Debian's PostgreSQL server if it is missing, starts a cluster
#                           in a temporary folder on a free port on 127.0.0.1 (trust login, run as
#                           an unprivileged user) and prints its URL, also written to
#                           target/postgres/url:  export BISTAND_TEST_PG=$(cat target/postgres/url)
#   .ci/postgres.sh stop    stops the cluster and removes its folder.
#   .ci/postgres.sh url     prints the running cluster's URL.
#
# Both are idempotent: start on a running cluster only prints its URL, stop without one does nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

tillstand=target/postgres
testanvandare=bistandtest

fel() { echo "postgres.sh: $*" >&2; exit 1; }

# The folder of initdb/pg_ctl: on PATH, else the newest Debian version under /usr/lib/postgresql.
pg_bin() {
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v pg_ctl)"
    return
  fi
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  [ -n "$d" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && echo "$d"
}

installera() {
  command -v apt-get >/dev/null 2>&1 || return 1
  [ "$(id -u)" = 0 ] || return 1
  apt-get update -qq || return 1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
}

# Runs a command as the cluster's user (this user unless we are root).
som_anvandare() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u "$testanvandare" -- "$@"
  else
    "$@"
  fi
}

anvandare() {
  if [ "$(id -u)" = 0 ]; then
    echo "$testanvandare"
  else
    id -un
  fi
}

ledig_port() {
  local p
  for _ in $(seq 1 200); do
    p=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return
    fi
  done
  fel "hittade ingen ledig port på 127.0.0.1"
}

kor() {
  [ -f "$tillstand/data" ] || return 1
  local bin data
  bin="$(cat "$tillstand/bin")"
  data="$(cat "$tillstand/data")"
  [ -d "$data" ] && som_anvandare "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1
}

start() {
  if kor; then
    cat "$tillstand/url"
    return
  fi
  # Leftovers of a cluster that is no longer running.
  stopp >/dev/null 2>&1 || true
  local bin
  bin="$(pg_bin || true)"
  if [ -z "$bin" ]; then
    installera || fel "PostgreSQL-servern (Debianpaketet postgresql) saknas och gick inte att installera"
    bin="$(pg_bin)" || fel "initdb och pg_ctl hittades inte efter installationen"
  fi
  if [ "$(id -u)" = 0 ] && ! id "$testanvandare" >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin "$testanvandare"
  fi
  local anv port dir
  anv="$(anvandare)"
  port="$(ledig_port)"
  dir="$(mktemp -d /tmp/bistand-pg.XXXXXX)"
  chmod 700 "$dir"
  [ "$(id -u)" = 0 ] && chown "$testanvandare" "$dir"
  som_anvandare "$bin/initdb" -D "$dir/data" -U "$anv" --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; rm -rf "$dir"; fel "initdb misslyckades"; }
  cat >>"$dir/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
shared_buffers = 32MB
fsync = on
max_connections = 100
EOF
  mkdir -p "$tillstand"
  echo "$bin" >"$tillstand/bin"
  echo "$dir/data" >"$tillstand/data"
  som_anvandare "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null \
    || { cat "$dir/server.log" >&2; fel "PostgreSQL startade inte"; }
  echo "postgres://$anv@127.0.0.1:$port/postgres" >"$tillstand/url"
  cat "$tillstand/url"
}

stopp() {
  [ -f "$tillstand/data" ] || return 0
  local bin data
  bin="$(cat "$tillstand/bin")"
  data="$(cat "$tillstand/data")"
  if [ -d "$data" ]; then
    som_anvandare "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
    case "$data" in
      /tmp/bistand-pg.*/data) rm -rf "$(dirname "$data")" ;;
    esac
  fi
  rm -f "$tillstand/bin" "$tillstand/data" "$tillstand/url"
}

case "${1:-}" in
  start) start ;;
  stop) stopp ;;
  url) kor && cat "$tillstand/url" || fel "ingen PostgreSQL-testserver kör" ;;
  *) fel "användning: .ci/postgres.sh start|stop|url" ;;
esac
