#!/usr/bin/env bash
# Builds the app and serves it on http://127.0.0.1:8080/ with live reload (installs what is missing).
source "$(dirname "$0")/tools.sh"
ensure_build_tools
cd "$ROOT"
say "serving peerscope at http://127.0.0.1:${PORT:-8080}/ (Ctrl-C stops)"
exec trunk serve --offline --port "${PORT:-8080}"
