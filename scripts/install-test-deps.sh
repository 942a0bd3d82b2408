#!/usr/bin/env bash
# Installs, from Debian's packages, the system programs the tests need and this machine lacks. The list lives in
# one place, scripts/test-deps.mjs (NEEDS); `npm test` runs this script by itself when it runs as root.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=$(node --input-type=module -e 'import { missingNeeds } from "./scripts/test-deps.mjs"; console.log(missingNeeds().map((n) => n.package).join(" "))')
if [ -z "$missing" ]; then
  echo "Programmes de test : tous présents."
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Programmes de test manquants : $missing (lancez : sudo bash scripts/install-test-deps.sh)" >&2
  exit 1
fi
echo "Installation des paquets Debian : $missing"
apt-get update -qq
# shellcheck disable=SC2086 # one word per package
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
