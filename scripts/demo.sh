#!/usr/bin/env bash
# The main job on the sample corpus: installs what is missing, builds, indexes
# corpus/sample into build/sample.db and runs an example query.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh -DVNEWS_BUILD_TESTS=OFF
rm -rf build/sample.db
build/indexer/vnews-index --db build/sample.db corpus/sample
build/searcher/vnews-search --db build/sample.db --limit 3 "${@:-thị trường châu Âu}"
