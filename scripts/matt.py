#!/usr/bin/env python3
"""Lists Rust functions over 80 lines and files over 600 lines under src/ (and tests/)."""
import re, sys, pathlib

FN = re.compile(r'^\s*(pub(\([^)]*\))?\s+)?(const\s+)?(async\s+)?(unsafe\s+)?fn\s+(\w+)')

def functions(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        m = FN.match(lines[i])
        if m:
            depth, started, j = 0, False, i
            while j < len(lines):
                code = re.sub(r'"(\\.|[^"\\])*"', '""', lines[j]).split("//")[0]
                depth += code.count("{") - code.count("}")
                if "{" in code:
                    started = True
                if started and depth <= 0:
                    break
                if not started and code.rstrip().endswith(";"):
                    break
                j += 1
            if started:
                yield m.group(6), i + 1, j - i + 1
        i += 1

roots = sys.argv[1:] or ["src"]
long_fns, big_files = [], []
for root in roots:
    for p in sorted(pathlib.Path(root).rglob("*.rs")):
        n = len(p.read_text(encoding="utf-8").splitlines())
        if n > 600:
            big_files.append((n, str(p)))
        for name, line, length in functions(p):
            if length > 80:
                long_fns.append((length, f"{p}:{line}", name))
print("Functions over 80 lines:")
for length, where, name in sorted(long_fns, reverse=True):
    print(f"  {length:4}  {name:30} {where}")
print("Files over 600 lines:")
for n, p in sorted(big_files, reverse=True):
    print(f"  {n:4}  {p}")
print(f"Total: {len(long_fns)} functions over 80 lines, {len(big_files)} files over 600 lines")
