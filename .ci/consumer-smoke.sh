#!/usr/bin/env bash
# Packs every publishable package the way it would be published, installs the tarballs with npm into
# fresh consumer projects, and proves that:
#   - installing @growthhub/core alone pulls in no LLM or Redis client;
#   - every package entry loads through both `require` and `import`;
#   - the emulator kits (`@growthhub/core/testing/kit`, `@growthhub/platform-*/testing`) load without vitest.
set -euo pipefail
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/tarballs"

publishable=()
for dir in packages/*/; do
  if node -e "process.exit(require('./${dir}package.json').private ? 1 : 0)"; then
    (cd "$dir" && pnpm pack --pack-destination "$work/tarballs" >/dev/null)
    publishable+=("$(node -p "require('./${dir}package.json').name")")
  fi
done

# 1. @growthhub/core alone: no LLM or Redis client.
mkdir "$work/core-only" && cd "$work/core-only"
npm init -y >/dev/null
npm install --no-audit --no-fund --loglevel=error "$work"/tarballs/growthhub-core-*.tgz >/dev/null
installed=$(npm ls --all --parseable 2>/dev/null | sed -n 's#.*/node_modules/##p' | sort -u)
forbidden=$(echo "$installed" | grep -Ex 'openai|ioredis|redis|@keyv/redis|@redis/.*|bullmq|vitest' || true)
if [ -n "$forbidden" ]; then
  echo "installing @growthhub/core pulled a forbidden dependency: $forbidden"; exit 1
fi
echo "core alone: $(echo "$installed" | wc -l) packages installed, none of them an LLM, Redis or test-runner client"

# 2. Every package: each entry through require and import (vitest is not installed).
mkdir "$work/all" && cd "$work/all"
npm init -y >/dev/null
npm install --no-audit --no-fund --loglevel=error "$work"/tarballs/*.tgz >/dev/null
for name in "${publishable[@]}"; do
  entries=$(node -p "Object.keys(require('$name/package.json').exports).filter((k) => k !== './package.json').join(' ')")
  for entry in $entries; do
    spec="$name${entry#.}"
    # The conformance suites (`/testing` of core) need vitest by design and are only resolved here.
    if [ "$spec" = "@growthhub/core/testing" ]; then
      node --input-type=module -e "import.meta.resolve('$spec')"
      echo "  $spec: resolves (its suites run under vitest)"; continue
    fi
    # `@growthhub/core/redis` needs its optional peer @keyv/redis, which this consumer did not install.
    if [ "$spec" = "@growthhub/core/redis" ]; then
      node -e "require.resolve('$spec')"; echo "  $spec: resolves (needs the optional peer @keyv/redis)"; continue
    fi
    cjs=$(node -e "console.log(Object.keys(require('$spec')).length)")
    esm=$(node --input-type=module -e "const m = await import('$spec'); console.log(Object.keys(m).length)")
    [ "$cjs" -gt 0 ] && [ "$esm" -gt 0 ] || { echo "$spec exports nothing (cjs $cjs, esm $esm)"; exit 1; }
    echo "  $spec: require ok ($cjs exports), import ok ($esm exports)"
  done
done
cd "$root"
