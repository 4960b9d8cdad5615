#!/usr/bin/env bash
# Renders the Teams app icons from their SVG sources. The PNGs are committed, so only someone
# changing an icon runs this; CI never does. Needs rsvg-convert (Debian: apt-get install librsvg2-bin).
set -euo pipefail

manifest_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../manifest" && pwd)"

if ! command -v rsvg-convert >/dev/null 2>&1; then
  echo "generate-icons: rsvg-convert not found; install it with: apt-get install librsvg2-bin" >&2
  exit 1
fi

# Teams wants exactly these sizes: colour 192 x 192, outline 32 x 32 (white on transparent).
rsvg-convert --width 192 --height 192 "$manifest_dir/icon-sources/color.svg" --output "$manifest_dir/color.png"
rsvg-convert --width 32 --height 32 "$manifest_dir/icon-sources/outline.svg" --output "$manifest_dir/outline.png"

echo "generate-icons: wrote $manifest_dir/color.png and $manifest_dir/outline.png"
