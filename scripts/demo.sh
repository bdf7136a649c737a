#!/usr/bin/env bash
# The main job: set up, then build the graph of the sample corpus into output/.
set -euo pipefail
cd "$(dirname "$0")/.."
GRAPHKIT_BROWSER=0 GRAPHKIT_EXTRAS=${GRAPHKIT_EXTRAS:-test} bash scripts/setup.sh
.venv/bin/graphkit build examples/sample -o output "$@"
