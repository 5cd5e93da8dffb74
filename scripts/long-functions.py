#!/usr/bin/env python3
# Lists production functions longer than MAX lines (default 60), counted from `fn` to its
# closing brace; `#[cfg(test)]` items are skipped. Exits 1 when any is found.
#   scripts/long-functions.py [PATH ...]        (default: src)
#   MAX=80 scripts/long-functions.py src/insight
import re, sys, os
N = int(os.environ.get("MAX", 60))
fnre = re.compile(r'^\s*(pub(\([^)]*\))?\s+)?(const\s+)?(async\s+)?(unsafe\s+)?(extern\s+"C"\s+)?fn\s+(\w+)')
def strip(line):
    # drop strings, chars and line comments crudely for brace counting
    line = re.sub(r'"(\\.|[^"\\])*"', '""', line)
    line = re.sub(r"'(\\.|[^'\\])'", "''", line)
    i = line.find('//')
    return line if i < 0 else line[:i]
def scan(path):
    lines = open(path).read().split('\n')
    out = []; i = 0; skip_test = False
    while i < len(lines):
        l = lines[i]
        if l.strip().startswith('#[cfg(test)]'):
            # skip following item
            j = i + 1; depth = 0; started = False
            while j < len(lines):
                s = strip(lines[j]); depth += s.count('{') - s.count('}')
                if '{' in s: started = True
                if started and depth <= 0: break
                if not started and s.rstrip().endswith(';'): break
                j += 1
            i = j + 1; continue
        m = fnre.match(l)
        if m:
            j = i; depth = 0; started = False
            while j < len(lines):
                s = strip(lines[j])
                depth += s.count('{') - s.count('}')
                if '{' in s: started = True
                if not started and s.rstrip().endswith(';'): break
                if started and depth <= 0: break
                j += 1
            if started:
                n = j - i + 1
                if n > N: out.append((n, path, i + 1, m.group(7)))
        i += 1
    return out
res = []
for root in sys.argv[1:] or ["src"]:
    if os.path.isfile(root): res += scan(root); continue
    for d, _, fs in os.walk(root):
        for f in fs:
            if f.endswith('.rs'): res += scan(os.path.join(d, f))
for n, p, ln, name in sorted(res, reverse=True):
    print(f"{n:4d} {p}:{ln} {name}")
print(len(res), "over", N)
sys.exit(1 if res else 0)
