#!/usr/bin/env bash
# Re-runs the README's checked examples (the console blocks marked <!-- example: ... -->) on
# the bundled KB and rewrites their output from what the commands print now. Review the result
# with `git diff README.md` before committing; ReadmeExamplesTest checks the same blocks in
# every build but never writes them. It writes the whole file back, so it refuses (exit 1,
# nothing written) when README.md was edited while the examples ran: run it again then.
#
#   bench/readme-examples.sh            needs JAVA_HOME set to a JDK 21+ (as for mvn)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/test-classpath.txt
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$JAVA" -Xmx2g -Dai.djl.offline=true --enable-native-access=ALL-UNNAMED \
  -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  org.metshub.ReadmeExamplesUpdate README.md
