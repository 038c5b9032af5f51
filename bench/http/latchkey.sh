# Sourced by bench/http/run and bench/http/compare: starts a Latchkey jar on its own port and
# data directory, and makes the fixtures every endpoint measured needs. Needs ROOT and WORK.

# start_latchkey JAR PORT NAME: starts JAR in the background; sets <NAME>_PID, <NAME>_BASE,
# <NAME>_READY_MS and <NAME>_DATA once /health/ready answers.
start_latchkey() {
  local jar=$1 port=$2 name=$3 base=http://127.0.0.1:$2 data=$WORK/$3 started pid
  mkdir -p "$data"
  started=$(date +%s%N)
  # Limits stay on (every request pays for its bucket) but high enough never to refuse.
  LATCHKEY_RATELIMIT_DEFAULT_REQUESTS=1000000000 LATCHKEY_DATA_DIR=$data/data \
    LATCHKEY_ACCESS_LOG=file:$data/access.log LATCHKEY_PUBLIC_URL=$base \
    java -Xmx512m -jar "$jar" --port "$port" >"$data/server.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "$base/health/ready"; do
    kill -0 "$pid" 2>/dev/null || { tail -20 "$data/server.log"; exit 1; }
    sleep 0.1
  done
  printf -v "${name}_PID" %s "$pid"
  printf -v "${name}_BASE" %s "$base"
  printf -v "${name}_DATA" %s "$data"
  printf -v "${name}_READY_MS" %s $(( ($(date +%s%N) - started) / 1000000 ))
}

# prepare_fixtures BASE DATA: a site with a schema and a scope, an API key, a scoped key with a
# document to read, a confidential OAuth client and one of its access tokens, a verifier key of the
# test environment. Sets KEY, SCOPED, SITE, CLIENT_AUTH, AT and VERIFIER.
prepare_fixtures() {
  local base=$1 data=$2 owner json scope limit client
  field() { sed "s/.*\"$1\":\"\([^\"]*\)\".*/\1/"; }
  owner="Authorization: Bearer $(cat "$data/data/bootstrap-token")"; json="Content-Type: application/json"
  api() { local method=$1 path=$2; shift 2; curl -sf -X"$method" "$base$path" -H "$owner" -H "$json" "$@"; }
  SITE=$(api POST /v1/sites -d '{"name":"bench"}' | field id)
  api PUT /v1/sites/$SITE/schema -d '{"types":[{"name":"Customer","fields":["name","email","plan","country"]}]}' >/dev/null
  scope=$(api POST /v1/sites/$SITE/scopes -d '{"name":"pii","fields":["Customer.email"]}' | field id)
  limit='"rate_limit":{"requests":1000000,"per_seconds":1}'
  KEY=$(api POST /v1/sites/$SITE/tokens -d '{"name":"bench","type":"secret","environment":"test",'"$limit"'}' | field token)
  SCOPED=$(api POST /v1/sites/$SITE/tokens \
    -d '{"name":"scoped","type":"restricted","environment":"test","permissions":["read","write"],"scopes":["'$scope'"],'"$limit"'}' | field token)
  curl -sf -XPUT "$base/v1/sites/$SITE/data/Customer/c1" -H "Authorization: Bearer $SCOPED" -H "$json" \
    -d '{"name":"Ada","email":"ada@example.com","plan":"pro","country":"GB"}' >/dev/null
  client=$(api POST /v1/sites/$SITE/oauth-clients \
    -d '{"name":"bench","type":"confidential","environment":"test","grant_types":["client_credentials"],"scopes":["read"]}')
  CLIENT_AUTH="Basic $(printf '%s:%s' "$(echo "$client" | field client_id)" "$(echo "$client" | field client_secret)" | base64 -w0)"
  AT=$(curl -sf "$base/oauth/token" -H "Authorization: $CLIENT_AUTH" -d grant_type=client_credentials -d scope=read | field access_token)
  curl -sf -o /dev/null "$base/v1/whoami" -H "Authorization: Bearer $AT"
  VERIFIER=$(api POST /v1/sites/$SITE/tokens -d '{"name":"gw","type":"verifier","environment":"test"}' | field token)
  # A verify that answers 200 with "valid": false would measure a refusal: check the answer once.
  local answer
  answer=$(curl -sf "$base/v1/keys/verify" -H "Authorization: Bearer $VERIFIER" -H "$json" -d '{"key":"'"$KEY"'"}')
  case $answer in
    *'"valid":true'*) ;;
    *) echo "POST /v1/keys/verify did not find the bench key valid: $answer" >&2; exit 1 ;;
  esac
}

# run_wrk DURATION SCRIPT URL AUTH BODY [--latency]: one wrk run; prints its RESULT line.
run_wrk() {
  WRK_REPORT=$ROOT/bench/http/report.lua WRK_AUTH=$4 WRK_BODY=$5 \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1" ${6:-} -s "$ROOT/bench/http/$2" "$3"
}

ensure_wrk() {
  if ! command -v wrk >/dev/null; then
    echo "Installing wrk from Debian's packages..."; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  fi
}
