#!/usr/bin/env bash
# publint and attw --pack on every publishable (non-private) package.
set -euo pipefail
for dir in packages/*/; do
  if node -e "process.exit(require('./${dir}package.json').private ? 0 : 1)"; then continue; fi
  echo "--- ${dir}"
  (cd "$dir" && pnpm exec publint --strict && pnpm exec attw --pack . --format table-flipped)
done
