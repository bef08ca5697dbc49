#!/usr/bin/env bash
# npm test: typecheck, lint, the import rules, unit tests, API tests on PGlite (and on PostgreSQL when
# TEST_DATABASE_URL is set), then the browser tests in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== typecheck"
npx tsc --noEmit -p .
echo "== lint"
npx biome check .
echo "== import rules"
npm run --silent lint:imports
echo "== unit and API tests${TEST_DATABASE_URL:+ (PGlite and PostgreSQL)}"
npx vitest run
echo "== browser tests"
bash scripts/ensure-chromium.sh
npx vite build --logLevel warn
npm run bench -- --smoke
npx playwright test
