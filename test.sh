#!/usr/bin/env bash
# Runs every test: unit, page, PostgreSQL and browser tests.
# Installs Chromium, PostgreSQL, nginx, npm and an SMTP server (aiosmtpd) from Debian's packages when they are missing, axe-core
# from the npm registry, starts a throwaway PostgreSQL server and SMTP server for the run, and stops them afterwards. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
command -v npm >/dev/null 2>&1 || missing+=(npm)
# The scale-out test puts nginx in front of two instances of each app.
[ -x /usr/sbin/nginx ] || missing+=(nginx)
# The SMTP tests deliver to a real SMTP server: Debian's aiosmtpd, run by Debian's own Python.
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || missing+=(python3-aiosmtpd)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} ..."
  # The packages' own services (nginx on port 80, a system PostgreSQL) are not wanted: the tests start their own.
  policy_added=
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | as_root tee /usr/sbin/policy-rc.d >/dev/null
    as_root chmod +x /usr/sbin/policy-rc.d
    policy_added=1
  fi
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  if [ -n "$policy_added" ]; then as_root rm -f /usr/sbin/policy-rc.d; fi
fi

# The browser tests inject axe-core, pinned in e2e/package-lock.json, into every page they check.
if ! (cd e2e && npm ci --no-audit --no-fund --loglevel=error); then
  echo "Could not install e2e/package-lock.json (axe-core) from the npm registry: the browser tests cannot run." >&2
  exit 1
fi

# A throwaway PostgreSQL cluster on a free loopback port. The server refuses to run as root,
# so as root it runs as the 'postgres' user.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pg_data=$(mktemp -d /tmp/cancellationportal-pg.XXXXXX)
pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 55432)
as_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$pg_data"
stop_pg() { as_pg "'$pg_bin/pg_ctl' -D '$pg_data' -m immediate stop" >/dev/null 2>&1 || true; rm -rf "$pg_data"; }
trap stop_pg EXIT
as_pg "'$pg_bin/initdb' -D '$pg_data' -U postgres -A trust --no-sync" >/dev/null
as_pg "'$pg_bin/pg_ctl' -D '$pg_data' -l '$pg_data/server.log' -w -o \"-p $pg_port -k '$pg_data' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\" start" >/dev/null
export TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50"
echo "PostgreSQL test server on port $pg_port"

# A throwaway SMTP server on a free loopback port that keeps every message it receives in a maildir, where the
# SMTP tests read them back. The outage test starts and stops its own server with the same command.
if ! /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1; then
  echo "The SMTP server (Debian's python3-aiosmtpd) is not installed: the SMTP tests cannot run." >&2
  exit 1
fi
smtp_dir=$(mktemp -d /tmp/cancellationportal-smtp.XXXXXX)
smtp_port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
export TEST_SMTP_SERVER="/usr/bin/python3 -m aiosmtpd -n -u -c aiosmtpd.handlers.Mailbox"
# shellcheck disable=SC2086
$TEST_SMTP_SERVER -s 200000 -l "127.0.0.1:$smtp_port" "$smtp_dir/maildir" >"$smtp_dir/server.log" 2>&1 &
smtp_pid=$!
stop_all() { kill "$smtp_pid" 2>/dev/null || true; rm -rf "$smtp_dir"; stop_pg; }
trap stop_all EXIT
for _ in $(seq 1 50); do
  (echo >"/dev/tcp/127.0.0.1/$smtp_port") 2>/dev/null && break
  sleep 0.1
done
if ! (echo >"/dev/tcp/127.0.0.1/$smtp_port") 2>/dev/null; then
  echo "The SMTP test server did not start:" >&2
  cat "$smtp_dir/server.log" >&2
  exit 1
fi
export TEST_SMTP="127.0.0.1:$smtp_port" TEST_SMTP_MAILDIR="$smtp_dir/maildir"
echo "SMTP test server on port $smtp_port"

# Each in-process test app would otherwise hold inotify instances for its configuration files and
# static assets; a machine's default of 128 runs out across the suite. Nothing changes files mid-run.
export DOTNET_hostBuilder__reloadConfigOnChange=false
export DOTNET_USE_POLLING_FILE_WATCHER=1

export CHROMIUM_PATH=${CHROMIUM_PATH:-$(command -v chromium)}
dotnet build CancellationPortal.sln -c Release -warnaserror -nologo -v quiet
set +e
dotnet test CancellationPortal.sln -c Release --no-build --nologo "$@" 2>&1 | tee "$root/.test-output.log"
status=${PIPESTATUS[0]}
set -e
# One closing line that any reader can count.
passed=$(grep -Eo 'Passed: +[0-9]+' "$root/.test-output.log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$root/.test-output.log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$root/.test-output.log" | awk '{s+=$2} END {print s+0}')
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
