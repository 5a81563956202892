#!/usr/bin/env bash
# The whole suite: architecture lint, then every test on SQLite, then again on PostgreSQL.
# The PostgreSQL leg uses DATABASE_URL when set; otherwise it starts a private cluster with
# Debian's pg_createcluster/pg_ctlcluster. It is skipped (and says so) when no server can be
# started, unless CASEWORK_REQUIRE_POSTGRES=1, when that is a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
WORKERS=${PYTEST_WORKERS:-2}
export CASEWORK_VAR=${CASEWORK_VAR:-$(mktemp -d)}

echo "== Architecture: the rules core imports no Django (import-linter)"
$BIN/lint-imports --no-cache

echo "== Production settings: check --deploy"
# Django's system checks (`casework system-check`; `casework check` reviews case files) with the
# production settings and throwaway secrets: any warning fails the run.
env DJANGO_SETTINGS_MODULE=casework.settings.prod \
  SECRET_KEY="$($BIN/python -c 'import secrets; print(secrets.token_urlsafe(64))')" \
  DATABASE_URL="sqlite:///$CASEWORK_VAR/deploy-check.sqlite3" ALLOWED_HOSTS=casework.example \
  $BIN/casework system-check --deploy --fail-level WARNING

echo "== Tests on SQLite"
env -u DATABASE_URL $BIN/pytest -n "$WORKERS" "$@"

pg_url=""
if [ -n "${CASEWORK_TEST_DATABASE_URL:-}" ]; then
  pg_url=$CASEWORK_TEST_DATABASE_URL
elif command -v pg_createcluster >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  version=$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1)
  port=${CASEWORK_PG_PORT:-54329}
  if [ -n "$version" ]; then
    if ! pg_lsclusters --no-header 2>/dev/null | awk '{print $1, $2}' | grep -qx "$version casework_test"; then
      pg_createcluster "$version" casework_test -p "$port" -- --auth=trust >/dev/null
    fi
    port=$(pg_lsclusters --no-header | awk -v v="$version" '$1==v && $2=="casework_test" {print $3}')
    pg_ctlcluster "$version" casework_test start 2>/dev/null || pg_ctlcluster "$version" casework_test status >/dev/null
    pg_url="postgres://postgres@127.0.0.1:$port/casework"
  fi
fi

if [ -z "$pg_url" ]; then
  msg="PostgreSQL leg SKIPPED: no PostgreSQL server could be started (install Debian's postgresql and run as root, or set CASEWORK_TEST_DATABASE_URL)."
  if [ "${CASEWORK_REQUIRE_POSTGRES:-0}" = 1 ]; then echo "== $msg This run requires it." >&2; exit 1; fi
  echo "== $msg"
  exit 0
fi

echo "== Tests on PostgreSQL ($pg_url)"
DATABASE_URL=$pg_url $BIN/pytest -n "$WORKERS" "$@"
