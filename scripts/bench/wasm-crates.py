#!/usr/bin/env python3
"""make bench: what the front end's wasm is made of, by crate.

Reads `twiggy top --format csv` of the module rustc wrote (names kept; wasm-bindgen and
wasm-opt strip them) on stdin, leaves out what is not shipped (the custom sections: names and
wasm-bindgen's metadata; wasm-bindgen's type descriptions), and sums each function's and data segment's bytes under the crate it belongs to.
Generic code of leptos or tachys instantiated for one of our types (a view's `hydrate`) counts
under `app (our views, monomorphised)`: it exists because of a view of ours."""
import csv
import re
import sys
from collections import Counter

by = Counter()
for row in csv.DictReader(sys.stdin):
    name, size = row["Name"], int(row["ShallowSize"])
    if name.startswith("custom section") or "subsection" in name or name.startswith("Σ"):
        continue
    # wasm-bindgen's type descriptions: run at build time, removed from what is shipped.
    if "__wbindgen_describe" in name or name.startswith("import ") or name.startswith("export "):
        continue
    if name.startswith("data segment") or name.startswith("data["):
        crate = "(static data: strings, tables)"
    elif "app[" in name:
        crate = "app (our views, monomorphised)" if re.match(r"^[<&(]*(leptos|tachys|reactive_graph)\[", name) else "app"
    else:
        m = re.match(r"^[<&(]*(?:mut |dyn |impl )*([A-Za-z_][A-Za-z0-9_]*)\[", name)
        crate = m.group(1) if m else "(std str and number helpers, glue)"
    by[crate] += size
total = sum(by.values())
for crate, size in by.most_common(16):
    print(f"{size:10d} {100 * size / total:5.1f} %  {crate}")
print(f"{total:10d}         code and data before wasm-opt ({len(by)} groups)")
