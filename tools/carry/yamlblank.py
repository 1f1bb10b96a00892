"""python yamlblank.py FILE KEY [KEY...]: empty every list inside these top-level blocks (scratch copy)."""
import sys, yaml
path, keys = sys.argv[1], sys.argv[2:]
data = yaml.safe_load(open(path))
def blank(v):
    if isinstance(v, list):
        return []
    if isinstance(v, dict):
        return {k: blank(x) for k, x in v.items()}
    return v
for k in keys:
    assert k in data, k
    data[k] = blank(data[k])
yaml.safe_dump(data, open(path, "w"), allow_unicode=True, sort_keys=False)
