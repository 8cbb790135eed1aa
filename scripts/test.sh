#!/usr/bin/env bash
# Installs what is missing, builds with the tests and runs the whole suite.
# Tests over ../shared are reported as skipped when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh -DVNEWS_BUILD_TESTS=ON
ctest --test-dir "${BUILD_DIR:-build}" --output-on-failure -j "$(nproc)"
