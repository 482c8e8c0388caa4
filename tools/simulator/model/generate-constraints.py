#!/usr/bin/env python3
"""Writes simulator/model/connect-constraints.json from botocore's Amazon Connect model.

The simulator judges every request (and, in tests, every response) against AWS's published
service model instead of rules typed by hand. This script extracts what that needs from
botocore's connect/2017-08-08/service-2.json: each operation's input and output shape and listed
errors, each error's HTTP status, and every shape reachable from them with its constraints
(required members, length, pattern, enum, numeric range, list and map sizes). Documentation is
dropped; patterns are copied verbatim (simulator/model/java-pattern.ts translates them).

Usage: python3 simulator/model/generate-constraints.py [--stdout]
(npm run model:connect). Needs botocore on python3's path (pip's, or Debian's python3-botocore).
"""
import json
import os
import sys

try:
    import botocore
    from botocore.loaders import create_loader
except ImportError:
    sys.stderr.write("botocore not found: pip install botocore (or apt-get install python3-botocore)\n")
    sys.exit(2)

SERVICE, API_VERSION = "connect", "2017-08-08"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "connect-constraints.json")
# Shape keys that constrain values; everything else (documentation, sensitive, box...) is dropped.
SCALAR_KEYS = ("min", "max", "pattern", "enum")


def compact_shape(shape):
    kind = shape["type"]
    out = {"type": kind}
    for key in SCALAR_KEYS:
        if key in shape:
            out[key] = shape[key]
    if kind == "list":
        out["member"] = shape["member"]["shape"]
    elif kind == "map":
        out["key"], out["value"] = shape["key"]["shape"], shape["value"]["shape"]
    elif kind == "structure":
        out["members"] = {name: m["shape"] for name, m in shape["members"].items()}
        if shape.get("required"):
            out["required"] = shape["required"]
        if shape.get("union"):
            out["union"] = True
        labels = [name for name, m in shape["members"].items() if m.get("location") == "uri"]
        if labels:
            out["labels"] = labels
    return out


def referenced(shape):
    if shape["type"] == "list":
        return [shape["member"]["shape"]]
    if shape["type"] == "map":
        return [shape["key"]["shape"], shape["value"]["shape"]]
    if shape["type"] == "structure":
        return [m["shape"] for m in shape["members"].values()]
    return []


def build(model):
    operations, roots = {}, []
    for name in sorted(model["operations"]):
        op = model["operations"][name]
        entry = {"errors": sorted(e["shape"] for e in op.get("errors", []))}
        for side in ("input", "output"):
            if side in op:
                entry[side] = op[side]["shape"]
                roots.append(op[side]["shape"])
        operations[name] = entry
    shapes, pending = {}, list(roots)
    while pending:
        name = pending.pop()
        if name in shapes:
            continue
        shapes[name] = compact_shape(model["shapes"][name])
        pending.extend(referenced(model["shapes"][name]))
    errors = {
        name: shape["error"]["httpStatusCode"]
        for name, shape in sorted(model["shapes"].items())
        if shape.get("exception") and "httpStatusCode" in shape.get("error", {})
    }
    return {
        "source": {
            "botocore": botocore.__version__,
            "service": SERVICE,
            "apiVersion": API_VERSION,
            "regenerate": "npm run model:connect",
        },
        "errors": errors,
        "operations": operations,
        "shapes": dict(sorted(shapes.items())),
    }


def dump(table):
    """One operation or shape a line, so a model change shows up as a readable diff."""
    lines = ["{"]
    sections = list(table.items())
    for i, (section, body) in enumerate(sections):
        items = list(body.items())
        lines.append(f"  {json.dumps(section)}: {{")
        for j, (key, value) in enumerate(items):
            comma = "," if j + 1 < len(items) else ""
            lines.append(f"    {json.dumps(key)}: {json.dumps(value, ensure_ascii=False, separators=(',', ':'))}{comma}")
        lines.append("  }" + ("," if i + 1 < len(sections) else ""))
    lines.append("}")
    return "\n".join(lines) + "\n"


def main():
    model = create_loader().load_service_model(SERVICE, "service-2", API_VERSION)
    text = dump(build(model))
    if "--stdout" in sys.argv[1:]:
        sys.stdout.write(text)
    else:
        with open(OUT, "w", encoding="utf-8") as f:
            f.write(text)
        sys.stderr.write(f"wrote {OUT} from botocore {botocore.__version__}\n")


if __name__ == "__main__":
    main()
