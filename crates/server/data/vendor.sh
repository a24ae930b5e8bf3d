#!/bin/sh
# Refreshes the vendored front-end libraries from the npm registry (pinned versions).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm init -y >/dev/null && npm install --no-audit --no-fund leaflet@1.9.4 >/dev/null)
cp "$tmp"/node_modules/leaflet/dist/leaflet.js "$tmp"/node_modules/leaflet/dist/leaflet.css "$here/assets/vendor/leaflet/"
cp "$tmp"/node_modules/leaflet/LICENSE "$here/assets/vendor/leaflet/"

