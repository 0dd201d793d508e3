#!/usr/bin/env python3
"""Derives the emoji picker's table (resources/emoji/emoji.tsv) from Unicode's emoji-test.txt.

Keeps the fully-qualified emoji only, without skin-tone variants (the modifiers U+1F3FB to
U+1F3FF) and without the "Component" group (the modifiers and hair styles on their own); merges
"Smileys & Emotion" with "People & Body". Each line: category, code points (hex, space
separated), CLDR short name; in the file's order.

    scripts/emoji-table.py [emoji-test.txt] [out.tsv]

The defaults are Debian's unicode-data package (apt-get install unicode-data) and the resource.
The table is data, committed with the source; run this again when a newer emoji-test.txt comes
with a newer fonts-noto-color-emoji that draws its emoji.
"""
import re
import sys
from pathlib import Path

SOURCE = "/usr/share/unicode/emoji/emoji-test.txt"
OUT = Path(__file__).resolve().parent.parent / "resources" / "emoji" / "emoji.tsv"

CATEGORIES = {
    "Smileys & Emotion": "smileys-people",
    "People & Body": "smileys-people",
    "Animals & Nature": "animals-nature",
    "Food & Drink": "food-drink",
    "Travel & Places": "travel-places",
    "Activities": "activities",
    "Objects": "objects",
    "Symbols": "symbols",
    "Flags": "flags",
}
SKIPPED_GROUPS = {"Component"}
SKIN_TONES = range(0x1F3FB, 0x1F3FF + 1)

# 1F600 ; fully-qualified # 😀 E1.0 grinning face
LINE = re.compile(r"^([0-9A-F ]+?)\s*;\s*([a-z-]+)\s*#\s*\S+\s+E\d+\.\d+\s+(.+)$")


def convert(source):
    version = ""
    group = None
    rows = []
    for raw in source.splitlines():
        line = raw.strip()
        if line.startswith("# Version:"):
            version = line.split(":", 1)[1].strip()
        if line.startswith("# group:"):
            group = line.split(":", 1)[1].strip()
            if group not in CATEGORIES and group not in SKIPPED_GROUPS:
                sys.exit(f"emoji-table: unknown group {group!r}: update CATEGORIES")
            continue
        if not line or line.startswith("#") or group in SKIPPED_GROUPS:
            continue
        match = LINE.match(line)
        if not match:
            sys.exit(f"emoji-table: unexpected line {raw!r}")
        points, status, name = match.groups()
        codes = [int(point, 16) for point in points.split()]
        if status != "fully-qualified" or any(code in SKIN_TONES for code in codes):
            continue
        rows.append((CATEGORIES[group], " ".join(f"{code:X}" for code in codes), name.strip()))
    return version, rows


def main():
    source = Path(sys.argv[1] if len(sys.argv) > 1 else SOURCE)
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else OUT
    version, rows = convert(source.read_text(encoding="utf-8"))
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="\n") as tsv:
        tsv.write(f"# Emoji for the picker, from Unicode's emoji-test.txt (version {version}),\n")
        tsv.write("# made by scripts/emoji-table.py: do not edit by hand.\n")
        tsv.write("# category<TAB>code points<TAB>name; fully-qualified, no skin tones.\n")
        for row in rows:
            tsv.write("\t".join(row) + "\n")
    print(f"emoji-table: {len(rows)} emoji written to {out}")


if __name__ == "__main__":
    main()
