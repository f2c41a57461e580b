#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL cluster for the tests, on 127.0.0.1:${FORMULARY_PG_PORT:-55432}.
#   source scripts/test-postgres.sh start   -> exports FORMULARY_TEST_PG (an Npgsql connection string)
#   bash scripts/test-postgres.sh stop
set -euo pipefail
pg_port="${FORMULARY_PG_PORT:-55432}"
pg_dir="${FORMULARY_PG_DIR:-/tmp/formulary-test-pg}"
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "${1:-}" in
  start)
    [ -n "$pg_bin" ] || { echo "test-postgres: PostgreSQL is not installed (run scripts/install-deps.sh)" >&2; exit 1; }
    as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" stop -m fast >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
    mkdir -p "$pg_dir/sock"
    [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$pg_dir"
    as_pg "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
    as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
      -o "-p $pg_port -k $pg_dir/sock -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
    export FORMULARY_TEST_PG="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
    echo "test-postgres: started on 127.0.0.1:$pg_port"
    ;;
  stop)
    [ -n "$pg_bin" ] && as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" stop -m fast >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
    echo "test-postgres: stopped"
    ;;
  *) echo "usage: test-postgres.sh start|stop" >&2; exit 2 ;;
esac
