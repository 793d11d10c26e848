#!/usr/bin/env bash
# Packs the publishable packages the way they would be published, installs them with npm into a fresh
# consumer project, and proves that both `require` and `import` work and that installing
# @growthhub/core pulls in no LLM or Redis client.
set -euo pipefail
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/tarballs" "$work/consumer"
(cd packages/core && pnpm pack --pack-destination "$work/tarballs" >/dev/null)
core_tgz=$(ls "$work"/tarballs/growthhub-core-*.tgz)

cd "$work/consumer"
npm init -y >/dev/null
npm install --no-audit --no-fund --loglevel=error "$core_tgz" >/dev/null

node -e "
const core = require('@growthhub/core');
if (typeof core.GrowthError !== 'function') throw new Error('require: GrowthError missing');
if (typeof core.createHttpClient !== 'function') throw new Error('require: createHttpClient missing');
console.log('require(@growthhub/core): ok,', Object.keys(core).length, 'exports');
"
node --input-type=module -e "
import * as core from '@growthhub/core';
if (typeof core.GrowthError !== 'function') throw new Error('import: GrowthError missing');
// The testing subpath needs vitest (an optional peer) to run, so only its resolution is checked here.
const testingUrl = import.meta.resolve('@growthhub/core/testing');
console.log('import @growthhub/core: ok,', Object.keys(core).length, 'exports; testing subpath resolves to', testingUrl.split('/').slice(-2).join('/'));
"

installed=$(npm ls --all --parseable 2>/dev/null | sed -n 's#.*/node_modules/##p' | sort -u)
forbidden=$(echo "$installed" | grep -Ex 'openai|ioredis|redis|@keyv/redis|@redis/.*|bullmq' || true)
if [ -n "$forbidden" ]; then
  echo "installing @growthhub/core pulled a forbidden dependency: $forbidden"; exit 1
fi
echo "no LLM or Redis client installed with @growthhub/core: ok"
cd "$root"
