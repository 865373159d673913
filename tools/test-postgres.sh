#!/usr/bin/env bash
# A throw-away PostgreSQL server for the tests, on loopback and a free port, in a folder of its own.
#   tools/test-postgres.sh start DIR   initdb + start; prints the admin connection string (one line)
#   tools/test-postgres.sh stop DIR    stops it and removes the folder
# Uses Debian's postgresql package (apt-get install postgresql). As root (CI), the server runs as the
# postgres user, since PostgreSQL refuses to run as root. Durability is switched off: nothing here is kept.
set -euo pipefail
cmd="${1:?start|stop}"; dir="${2:?folder}"

bindir=""
for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do [ -x "$d/initdb" ] && { bindir="$d"; break; }; done
if [ -z "$bindir" ] && command -v initdb >/dev/null; then bindir="$(dirname "$(readlink -f "$(command -v initdb)")")"; fi
if [ -z "$bindir" ]; then
  echo "PostgreSQL saknas: installera Debians paket postgresql (apt-get install postgresql) eller ange INSATSFLOW_TEST_POSTGRES." >&2
  exit 2
fi

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    as_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o \
      "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=32MB -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
    ;;
  stop)
    [ -d "$dir/data" ] && as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "okänt kommando: $cmd (start eller stop)" >&2; exit 2 ;;
esac
