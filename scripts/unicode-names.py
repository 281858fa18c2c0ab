# Writes src/core/tokens/unicodeNames.json: character name → code point for the blocks prompts use (Latin, Greek,
# punctuation, currency, arrows, math, box drawing, symbols, dingbats, common emoji), so Python `\N{NAME}` escapes
# decode exactly for those. Names outside these blocks are counted as ≈ (see pythonEscapes.ts).
# Run: python3 scripts/unicode-names.py  (data: the Unicode Character Database of this Python's unicodedata)
import json, unicodedata, sys

RANGES = [(0x20, 0x7E), (0xA0, 0x24F), (0x370, 0x3FF), (0x2000, 0x206F), (0x20A0, 0x20C0), (0x2100, 0x214F),
          (0x2190, 0x21FF), (0x2200, 0x22FF), (0x2500, 0x25FF), (0x2600, 0x27BF), (0x2B00, 0x2BFF),
          (0x1F300, 0x1F64F), (0x1F680, 0x1F6FF), (0x1F900, 0x1F9FF)]
names = {}
for lo, hi in RANGES:
    for cp in range(lo, hi + 1):
        n = unicodedata.name(chr(cp), None)
        if n:
            names[n] = cp
# Control characters have no name in unicodedata but Python's \N accepts their aliases; the common ones:
for alias, cp in [('NULL', 0), ('CHARACTER TABULATION', 9), ('LINE FEED', 10), ('CARRIAGE RETURN', 13), ('ESCAPE', 0x1B), ('DELETE', 0x7F), ('NBSP', 0xA0), ('ZWJ', 0x200D), ('ZWNJ', 0x200C), ('ZWSP', 0x200B), ('BOM', 0xFEFF), ('BYTE ORDER MARK', 0xFEFF), ('ZERO WIDTH NO-BREAK SPACE', 0xFEFF)]:
    names.setdefault(alias, cp)
out = {'source': f'Unicode {unicodedata.unidata_version} character names (Python {sys.version.split()[0]} unicodedata), selected blocks', 'names': names}
with open('src/core/tokens/unicodeNames.json', 'w') as f:
    json.dump(out, f, separators=(',', ':'))
print(len(names), 'names')
