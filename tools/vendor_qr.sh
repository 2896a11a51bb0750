#!/bin/sh
# Vendor the two QR libraries of the record hand-off (macros/record/runtime/handoff.js)
# into docs/assets/vendor/:
#   qrcodegen/  Project Nayuki's QR Code generator, npm package nayuki-qr-code-generator
#               (MIT): draws the codes on 我的进度, loaded when the rep presses 给培训师扫码;
#   jsqr/       jsQR (Apache-2.0): reads codes from the camera on 班级成绩, loaded only
#               when the browser has no BarcodeDetector.
# Each from the npm registry at a pinned version, minified with a pinned terser
# (neither package ships a minified build), with its licence and the SHA-256 of
# source and result recorded in README.txt (tests/test_qr.py checks the hashes).
#
#     tools/vendor_qr.sh 1.8.0 1.4.0
set -eu
QRGEN=${1:?usage: tools/vendor_qr.sh QRCODEGEN_VERSION JSQR_VERSION}
JSQR=${2:?usage: tools/vendor_qr.sh QRCODEGEN_VERSION JSQR_VERSION}
TERSER=5.51.4
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

# ---- generator: the package is an ES module (its last line is
# "export default qrcodegen;"); without that line the same code is a classic
# script whose top-level "var qrcodegen" is the global the hand-off uses
# (module scripts do not load from file://).
OUT="$ROOT/docs/assets/vendor/qrcodegen"
mkdir -p gen && cd gen
npm pack --silent "nayuki-qr-code-generator@$QRGEN" >/dev/null
INTEGRITY=$(npm view "nayuki-qr-code-generator@$QRGEN" dist.integrity)
tar xzf "nayuki-qr-code-generator-$QRGEN.tgz"
grep -c '^export default qrcodegen;$' package/index.js >/dev/null
grep -v '^export default qrcodegen;$' package/index.js > classic.js
npx --yes "terser@$TERSER" classic.js -c -m --comments false -o body.js
mkdir -p "$OUT"
{
  printf '/*! QR Code generator library %s (npm nayuki-qr-code-generator) | MIT License | Copyright (c) Project Nayuki | nayuki.io/page/qr-code-generator-library */\n' "$QRGEN"
  cat body.js
  echo
} > "$OUT/qrcodegen.min.js"
cp package/LICENSE "$OUT/LICENSE"
SRC=$(sha256sum package/index.js | cut -d' ' -f1)
MIN=$(sha256sum "$OUT/qrcodegen.min.js" | cut -d' ' -f1)
cat > "$OUT/README.txt" <<TXT
QR Code generator library $QRGEN (MIT, see LICENSE) by Project Nayuki (https://www.nayuki.io/page/qr-code-generator-library), TypeScript version as packaged on npm by Kirill Maltsev (https://github.com/maltsev/nayuki-QR-Code-generator); draws the QR codes of 给培训师扫码 on 我的进度 (macros/record/runtime/handoff.js).
Source: npm registry, nayuki-qr-code-generator-$QRGEN.tgz (integrity $INTEGRITY), file package/index.js
Source SHA-256: $SRC
Changed: the last line "export default qrcodegen;" removed, so the file is a classic script (the global qrcodegen) that also loads from file://.
Minified with terser $TERSER (npx terser classic.js -c -m --comments false), licence banner line prepended; the package ships no minified build.
qrcodegen.min.js SHA-256: $MIN
Update: tools/vendor_qr.sh QRCODEGEN_VERSION JSQR_VERSION (writes this folder and ../jsqr again; then run tests/test_qr.py)
TXT
echo "qrcodegen $QRGEN: $MIN"
cd "$WORK"

# ---- decoder: a UMD build, which sets the global jsQR in a classic script.
OUT="$ROOT/docs/assets/vendor/jsqr"
mkdir -p dec && cd dec
npm pack --silent "jsqr@$JSQR" >/dev/null
INTEGRITY=$(npm view "jsqr@$JSQR" dist.integrity)
tar xzf "jsqr-$JSQR.tgz"
npx --yes "terser@$TERSER" package/dist/jsQR.js -c -m --comments false -o body.js
mkdir -p "$OUT"
{
  printf '/*! jsQR %s | Apache License 2.0 | github.com/cozmo/jsQR */\n' "$JSQR"
  cat body.js
  echo
} > "$OUT/jsQR.min.js"
cp package/LICENSE "$OUT/LICENSE"
SRC=$(sha256sum package/dist/jsQR.js | cut -d' ' -f1)
MIN=$(sha256sum "$OUT/jsQR.min.js" | cut -d' ' -f1)
cat > "$OUT/README.txt" <<TXT
jsQR $JSQR (Apache-2.0, see LICENSE, https://github.com/cozmo/jsQR); reads QR codes from the camera on 班级成绩 (macros/record/runtime/handoff.js) in browsers without BarcodeDetector.
Source: npm registry, jsqr-$JSQR.tgz (integrity $INTEGRITY), file package/dist/jsQR.js
Source SHA-256: $SRC
Minified with terser $TERSER (npx terser package/dist/jsQR.js -c -m --comments false), licence banner line prepended; the package ships no minified build.
jsQR.min.js SHA-256: $MIN
Update: tools/vendor_qr.sh QRCODEGEN_VERSION JSQR_VERSION (writes this folder and ../qrcodegen again; then run tests/test_qr.py)
TXT
echo "jsQR $JSQR: $MIN"
