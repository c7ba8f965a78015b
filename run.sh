#!/usr/bin/env bash
# Builds and starts the whole system on the embedded SQLite database with demo data.
# Ctrl+C stops both apps. Override the addresses with PORTAL_URL / BACKOFFICE_URL.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

portal_url=${PORTAL_URL:-http://localhost:5080}
backoffice_url=${BACKOFFICE_URL:-http://localhost:5090}
export Database__DataFolder=${Database__DataFolder:-$root/data}
export Email__PickupFolder=${Email__PickupFolder:-$root/data/mail}
# Links in emails point here, and only these hosts are served (set AllowedHosts to serve more).
export Portal__PublicUrl=${Portal__PublicUrl:-$portal_url}
export BackOffice__PublicUrl=${BackOffice__PublicUrl:-$backoffice_url}
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Production}

echo "Building ..."
dotnet build src/Portal/Portal.csproj -c Release -nologo -v quiet
dotnet build src/BackOffice/BackOffice.csproj -c Release -nologo -v quiet

bin=net10.0
portal_dll=$root/src/Portal/bin/Release/$bin/CancellationPortal.Portal.dll
backoffice_dll=$root/src/BackOffice/bin/Release/$bin/CancellationPortal.BackOffice.dll

echo "Migrating and seeding the demo data (only when the database is empty) ..."
(cd "$(dirname "$backoffice_dll")" && dotnet "$backoffice_dll" seed-demo)

pids=()
stop() {
  trap - INT TERM EXIT
  echo "Stopping ..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

(cd "$(dirname "$portal_dll")" && exec env Urls="$portal_url" dotnet "$portal_dll") &
pids+=($!)
(cd "$(dirname "$backoffice_dll")" && exec env Urls="$backoffice_url" dotnet "$backoffice_dll") &
pids+=($!)

# Waits for an app's /healthz to answer 200 (plain bash: a fresh machine may have no curl).
healthy() {
  local hostport=${1#*://}; hostport=${hostport%%/*}
  local host=${hostport%:*} port=${hostport##*:}
  for _ in $(seq 1 120); do
    if exec 3<>"/dev/tcp/$host/$port" 2>/dev/null; then
      printf 'GET /healthz HTTP/1.0\r\nHost: %s\r\n\r\n' "$hostport" >&3
      if head -n 1 <&3 | grep -q ' 200 '; then exec 3>&-; return 0; fi
      exec 3>&-
    fi
    sleep 0.5
  done
  return 1
}
for url in "$portal_url" "$backoffice_url"; do
  healthy "$url" || { echo "The app at $url did not start: see the log above (is the port already in use?)." >&2; exit 1; }
done

password=${Demo__Password:-$(grep -o 'DefaultPassword = "[^"]*"' src/DemoData/DemoSeeder.cs | cut -d'"' -f2)}
cat <<MSG

  CancellationPortal is running.

  Shopper portal:  $portal_url
  Back-office:     $backoffice_url

  Demo logins (password for all: $password)
    shopper@example.com   Customer (portal)
    support@example.com   Support  (back-office)
    manager@example.com   Manager  (back-office)
    admin@example.com     Admin    (back-office)

  Emails are written as .eml files to $Email__PickupFolder
  Press Ctrl+C to stop.

MSG
wait
