#!/usr/bin/env bash
# Builds the Teams app package: manifest/build/PeerSupportBot.zip with manifest.json (placeholders
# filled in from the environment), the localization file(s) and the two icons, all at the zip root,
# and validates it offline with the Agents Toolkit's validator (scripts/validate-teams-app.cjs).
# It does what the toolkit's teamsApp/zipAppPackage step in m365agents.yml does, from the same
# template and the same env files, for admins who work without the toolkit:
#   scripts/package-app.sh dev   reads env/.env.dev and env/.env.dev.user (values already exported
#                                win) and writes manifest/build/appPackage.dev.zip, as `atk provision` does.
#
# Required:  TEAMS_APP_ID  the Teams app's id, a GUID you generate once and keep (uuidgen)
#            BOT_ID        the bot's Microsoft App ID: the managed identity's client id (output botId)
#            BOT_DOMAIN    the web app's host name, no scheme or path (output BOT_DOMAIN)
# Optional:  APP_VERSION (1.0.0; raise it for every upload of a changed package), DEVELOPER_NAME,
#            WEBSITE_URL, PRIVACY_URL, TERMS_URL (https; default to pages on BOT_DOMAIN),
#            PACKAGE_OUTPUT (where to write the zip).
# Needs `zip`, or python3 as a fallback.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
manifest_dir="$repo_root/manifest"

fail() {
  echo "package-app: $*" >&2
  exit 1
}

default_output="$manifest_dir/build/PeerSupportBot.zip"
if [[ $# -gt 0 ]]; then
  environment="$1"
  [[ "$environment" =~ ^[a-z0-9-]+$ ]] || fail "'$environment' is not an environment name such as dev"
  [[ -f "$repo_root/env/.env.$environment" ]] || fail "env/.env.$environment does not exist"
  for file in "$repo_root/env/.env.$environment" "$repo_root/env/.env.$environment.user"; do
    [[ -f "$file" ]] || continue
    # KEY=VALUE lines, as the toolkit reads them; a value already in the environment is kept.
    while IFS='=' read -r name value; do
      [[ "$name" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || continue
      value="${value%\"}"; value="${value#\"}"
      [[ -n "${!name:-}" || -z "$value" ]] || export "$name=$value"
    done < "$file"
  done
  default_output="$manifest_dir/build/appPackage.$environment.zip"
fi
output="${PACKAGE_OUTPUT:-$default_output}"

guid='^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
host='^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$'
semver='^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$'
# https, and nothing that would need escaping inside a JSON string.
https_url='^https://[^"\\[:space:][:cntrl:]]+$'

require() {
  local name="$1" pattern="$2" hint="$3"
  local value="${!name:-}"
  [[ -n "$value" ]] || fail "$name is not set: $hint"
  [[ "$value" =~ $pattern ]] || fail "$name='$value' is not valid: $hint"
}

require TEAMS_APP_ID "$guid" "a GUID that identifies the Teams app; generate one once with uuidgen and keep it"
require BOT_ID "$guid" "a GUID, the bot's Microsoft App ID (the botId output of infra/main.bicep)"
require BOT_DOMAIN "$host" "the web app's host name without https:// or a path (the BOT_DOMAIN output)"

APP_VERSION="${APP_VERSION:-1.0.0}"
DEVELOPER_NAME="${DEVELOPER_NAME:-PeerSupportBot}"
WEBSITE_URL="${WEBSITE_URL:-https://$BOT_DOMAIN/}"
PRIVACY_URL="${PRIVACY_URL:-https://$BOT_DOMAIN/privacy}"
TERMS_URL="${TERMS_URL:-https://$BOT_DOMAIN/terms}"

require APP_VERSION "$semver" "three numbers like 1.0.0; raise it whenever you upload a changed package"
require DEVELOPER_NAME '^[^"\\[:cntrl:]]{1,32}$' "1 to 32 characters, no quotes or backslashes"
require WEBSITE_URL "$https_url" "an https URL"
require PRIVACY_URL "$https_url" "an https URL of your organisation's privacy notice"
require TERMS_URL "$https_url" "an https URL of the terms of use"

staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT

manifest="$(<"$manifest_dir/manifest.json")"
for name in TEAMS_APP_ID BOT_ID BOT_DOMAIN APP_VERSION DEVELOPER_NAME WEBSITE_URL PRIVACY_URL TERMS_URL; do
  placeholder="\${{$name}}"
  # Both sides quoted: the value is literal text (no glob, no & back-reference).
  manifest="${manifest//"$placeholder"/"${!name}"}"
done
if [[ "$manifest" =~ \$\{\{[A-Za-z0-9_]*\}\} ]]; then
  fail "manifest.json still has the placeholder ${BASH_REMATCH[0]}; add it to this script"
fi
printf '%s\n' "$manifest" > "$staging/manifest.json"

# Every other JSON file beside the manifest is a localization file it refers to.
for file in "$manifest_dir"/*.json; do
  [[ "$(basename "$file")" == manifest.json ]] || cp "$file" "$staging/"
done
cp "$manifest_dir/color.png" "$manifest_dir/outline.png" "$staging/"

# The toolkit's validator (npm @microsoft/app-manifest) with the schemas it bundles, offline.
if [[ ! -d "$repo_root/node_modules/@microsoft/app-manifest" ]]; then
  (cd "$repo_root" && npm ci --loglevel=error >&2) || fail "npm ci failed; the validator comes from node_modules"
fi
if ! problems="$(node "$repo_root/scripts/validate-teams-app.cjs" "$staging")"; then
  fail "the package is not valid:"$'\n'"$problems"
fi

mkdir -p "$(dirname "$output")"
output="$(cd "$(dirname "$output")" && pwd)/$(basename "$output")"
rm -f "$output"
files=()
for file in "$staging"/*; do files+=("$(basename "$file")"); done
if command -v zip >/dev/null 2>&1; then
  (cd "$staging" && zip -q -X "$output" "${files[@]}")
elif command -v python3 >/dev/null 2>&1; then
  (cd "$staging" && python3 -m zipfile -c "$output" "${files[@]}")
else
  fail "neither zip nor python3 is installed; install one (Debian: apt-get install zip)"
fi

echo "package-app: wrote $output (${files[*]})"
