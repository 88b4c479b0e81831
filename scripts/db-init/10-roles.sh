#!/bin/sh
# First start of the postgres image: the two roles Jisr needs (README: Production). The superuser made by
# the image (POSTGRES_USER) is not used by the app. Passwords: letters and digits only (they go into URLs).
set -eu
: "${JISR_OWNER_PASSWORD:?set JISR_OWNER_PASSWORD}"
: "${JISR_RUNTIME_PASSWORD:?set JISR_RUNTIME_PASSWORD}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
CREATE ROLE jisr_owner LOGIN PASSWORD '${JISR_OWNER_PASSWORD}';
CREATE DATABASE jisr OWNER jisr_owner;
CREATE ROLE jisr_app NOLOGIN;
CREATE ROLE jisr_runtime LOGIN PASSWORD '${JISR_RUNTIME_PASSWORD}' IN ROLE jisr_app;
SQL
