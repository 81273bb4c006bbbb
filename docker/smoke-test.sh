#!/usr/bin/env bash
# Smoke test of compose.yaml the way README's "Deploy with Docker" walks it: a stack of its own (project
# api-access-smoke, ports 18080/18081, a throwaway key and secrets; your .env is not read), then sign in
# as the bootstrapped admin, create an API client, get a token through the console's nginx and call the
# API with it, and check that /q is served on neither published port. Needs Docker with Compose v2,
# curl, jq and openssl. CI runs it (.github/workflows/native.yml).
#
#   bash docker/smoke-test.sh            # the JVM image (quicker to build)
#   SMOKE_NATIVE=1 bash docker/smoke-test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
compose=(docker compose -p api-access-smoke --env-file "$work/env" -f compose.yaml)
[ -n "${SMOKE_NATIVE:-}" ] || compose+=(-f docker/compose.jvm.yaml)

cleanup() {
  status=$?
  if [ "$status" -ne 0 ]; then "${compose[@]}" logs --no-color --tail 200 || true; fi
  "${compose[@]}" down -v --remove-orphans >/dev/null 2>&1 || true
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT

openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$work/signing-key.pem"
chmod 0644 "$work/signing-key.pem"   # a throwaway key; the container's user 185 must read it
admin_password=$(openssl rand -hex 12)
cat > "$work/env" <<ENV
BACKEND_PORT=18080
FRONTEND_PORT=18081
DB_PASSWORD=$(openssl rand -hex 16)
API_ACCESS_ISSUER=http://localhost:18080
API_ACCESS_SECRET_PEPPER=$(openssl rand -base64 32)
SIGNING_KEY_FILE=$work/signing-key.pem
API_ACCESS_BOOTSTRAP_WALLET_KEY=acme
API_ACCESS_BOOTSTRAP_WALLET_NAME=Acme Ltd
API_ACCESS_BOOTSTRAP_ADMIN_USERNAME=admin
API_ACCESS_BOOTSTRAP_ADMIN_PASSWORD=$admin_password
ENV

"${compose[@]}" up -d --build --wait --wait-timeout 900

api=http://localhost:18080
console=http://localhost:18081

echo "1. sign in as the bootstrapped admin"
session=$(curl -fsS "$api/api/session" -H 'Content-Type: application/json' \
  -d "{\"wallet\":\"acme\",\"username\":\"admin\",\"password\":\"$admin_password\"}" | jq -er .token)

echo "2. create an API client"
secret=$(curl -fsS "$api/api/clients" -H "Authorization: Bearer $session" -H 'Content-Type: application/json' \
  -d '{"clientId":"smoke-test","roles":["accounts:read","api-access:read"],"notes":"compose smoke test"}' \
  | jq -er .clientSecret)

echo "3. a token through the console's nginx (/oauth2 proxied)"
access=$(curl -fsS "$console/oauth2/token" -d grant_type=client_credentials \
  -d client_id=wallet-acme-smoke-test -d "client_secret=$secret" | jq -er .access_token)

echo "4. call the API with it, directly and through nginx"
curl -fsS "$api/api/clients" -H "Authorization: Bearer $access" | jq -e . >/dev/null
curl -fsS "$console/api/clients" -H "Authorization: Bearer $access" | jq -e . >/dev/null

echo "5. the metadata and the keys through nginx"
curl -fsS "$console/.well-known/oauth-authorization-server" | jq -e '.issuer == "http://localhost:18080"' >/dev/null
curl -fsS "$console/oauth2/jwks" | jq -e '.keys | length >= 1' >/dev/null

echo "6. the console: a deep link loads index.html, with the service's security headers"
headers=$(curl -fsS -D - -o /dev/null -H 'Accept: text/html' "$console/settings/iam/api-access")
for header in Content-Security-Policy X-Content-Type-Options Referrer-Policy X-Frame-Options; do
  count=$(grep -ci "^$header:" <<<"$headers" || true)
  [ "$count" -eq 1 ] || { echo "$header sent $count times by nginx" >&2; exit 1; }
done
proxied=$(curl -sS -D - -o /dev/null "$console/oauth2/jwks")
[ "$(grep -ci '^Content-Security-Policy:' <<<"$proxied" || true)" -eq 1 ] \
  || { echo "proxied answers must carry Content-Security-Policy once" >&2; exit 1; }

echo "7. /q (health, metrics, OpenAPI) answers on neither published port; the image's probe reaches it on 9000"
for url in "$api/q/health/ready" "$api/q/metrics" "$console/q/health/ready" "$console/q/metrics"; do
  status=$(curl -s -o /dev/null -w '%{http_code}' "$url")
  [ "$status" = 404 ] || { echo "$url answered $status, not 404" >&2; exit 1; }
done
"${compose[@]}" exec -T backend /usr/local/bin/health-probe

echo "smoke test passed"
