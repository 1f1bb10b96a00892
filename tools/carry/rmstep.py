"""python rmstep.py FILE TUPLE_NAME ENTRY_REGEX: drop the matching line inside the named tuple."""
import re, sys
path, tup, pat = sys.argv[1:4]
text = open(path).read()
start = text.index(tup)
end = text.index("\n)\n", start)
block = text[start:end]
lines = block.split("\n")
kept = [l for l in lines if not re.search(pat, l)]
assert len(kept) == len(lines) - 1, (pat, len(lines) - len(kept))
open(path, "w").write(text[:start] + "\n".join(kept) + text[end:])
