#!/bin/sh
# Vendor ts-fsrs (the FSRS scheduler 今日复习 uses) into docs/assets/vendor/ts-fsrs/:
# the package's UMD build from the npm registry, minified with a pinned terser,
# with its licence and the SHA-256 of source and result recorded in README.txt
# (tests/test_review.py checks the recorded hash).
#
#     tools/vendor_ts_fsrs.sh 5.4.2
set -eu
VERSION=${1:?usage: tools/vendor_ts_fsrs.sh VERSION}
TERSER=5.51.4
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT="$ROOT/docs/assets/vendor/ts-fsrs"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
npm pack --silent "ts-fsrs@$VERSION" >/dev/null
INTEGRITY=$(npm view "ts-fsrs@$VERSION" dist.integrity)
tar xzf "ts-fsrs-$VERSION.tgz"
npx --yes "terser@$TERSER" package/dist/index.umd.js -c -m --comments false -o body.js
YEAR=$(sed -n 's/^Copyright (c) \([0-9]*\).*/\1/p' package/LICENSE)
mkdir -p "$OUT"
{
  printf '/*! ts-fsrs %s | MIT License | Copyright (c) %s Open Spaced Repetition | github.com/open-spaced-repetition/ts-fsrs */\n' "$VERSION" "$YEAR"
  cat body.js
  echo
} > "$OUT/ts-fsrs.min.js"
cp package/LICENSE "$OUT/LICENSE"
SRC=$(sha256sum package/dist/index.umd.js | cut -d' ' -f1)
MIN=$(sha256sum "$OUT/ts-fsrs.min.js" | cut -d' ' -f1)
cat > "$OUT/README.txt" <<TXT
ts-fsrs $VERSION (MIT, see LICENSE), the FSRS spaced-repetition scheduler of Open Spaced Repetition (https://github.com/open-spaced-repetition/ts-fsrs), used by 今日复习 (macros/review/).
Source: npm registry, ts-fsrs-$VERSION.tgz (integrity $INTEGRITY), file package/dist/index.umd.js
Source SHA-256: $SRC
Minified with terser $TERSER (npx terser package/dist/index.umd.js -c -m --comments false), licence banner line prepended; the package ships no minified build.
ts-fsrs.min.js SHA-256: $MIN
Update: tools/vendor_ts_fsrs.sh VERSION (writes this folder again; then run tests/test_review.py)
TXT
echo "ts-fsrs $VERSION: $MIN"
