#!/usr/bin/env python3
"""Where a wasm file's bytes go, by owner, from its name section (scripts/size-profile.sh).

Each function body is given to the first owner its name shows: a component's view (Yew's generic
`view`, instantiated with our html!), the core, the page, Yew, the JS bindings, or Rust's
standard library. Generic code instantiated with our types (`drop_in_place<acr_doctor::…>`) counts
as ours. Sizes are raw bytes; gzip does not add up by part, so it is given for code and data whole.
"""
import gzip
import re
import sys

OWNERS = [
    ("JSON through serde (serde, serde-wasm-bindgen, the core's lenient reading and derived types)",
     r"serde|lenient|Deserialize|__Visitor|__FieldVisitor"),
    ("float formatting (serde's error messages link it)", r"flt2dec|bignum|f64 as core.*fmt|WithDecimalPoint"),
    ("component views (our html!, in Yew's generic view)", r"CompStateInner<COMP>.*::view"),
    ("core: decode", r"acr_doctor_core::decode"),
    ("core: probe", r"acr_doctor_core::probe"),
    ("core: other (catalogue, explain, texts, values, report)", r"acr_doctor_core::"),
    ("page (src/)", r"acr_doctor::"),
    ("yew and its helpers", r"yew|implicit_clone|gloo|indexmap|slab|futures"),
    ("js-sys, web-sys, wasm-bindgen", r"wasm_bindgen|js_sys|web_sys|externref|Externref"),
    ("Rust's std, core, alloc", r"core\[|core::|alloc|std|dlmalloc|hashbrown|__rust|memcpy|memset|memmove|memcmp"),
]


def leb(b, i):
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << s
        s += 7
        if x < 0x80:
            return r, i


def sections(f):
    i = 8
    while i < len(f):
        sid = f[i]
        n, i = leb(f, i + 1)
        yield sid, f[i : i + n]
        i += n


def imported_functions(body):
    count, i = leb(body, 0)
    funcs = 0
    for _ in range(count):
        for _ in range(2):  # module and field names
            n, i = leb(body, i)
            i += n
        kind = body[i]
        i += 1
        if kind == 0:
            _, i = leb(body, i)
            funcs += 1
        elif kind == 1:  # table: type, limits
            i += 1
            flags = body[i]
            _, i = leb(body, i + 1)
            if flags & 1:
                _, i = leb(body, i)
        elif kind == 2:  # memory: limits
            flags = body[i]
            _, i = leb(body, i + 1)
            if flags & 1:
                _, i = leb(body, i)
        elif kind == 3:  # global: type, mutability
            i += 2
        else:
            raise SystemExit(f"unknown import kind {kind}")
    return funcs


def function_names(body):
    i = 0
    while i < len(body):
        sub = body[i]
        n, i = leb(body, i + 1)
        if sub == 1:
            j = i
            count, j = leb(body, j)
            names = {}
            for _ in range(count):
                idx, j = leb(body, j)
                ln, j = leb(body, j)
                names[idx] = body[j : j + ln].decode("utf-8", "replace")
                j += ln
            return names
        i += n
    return {}


def main(path):
    f = open(path, "rb").read()
    imports, names, code, data, bodies = 0, {}, b"", b"", []
    for sid, body in sections(f):
        if sid == 2:
            imports = imported_functions(body)
        elif sid == 10:
            code = body
            count, i = leb(body, 0)
            for k in range(count):
                n, i = leb(body, i)
                bodies.append((imports + k, n))
                i += n
        elif sid == 11:
            data = body
        elif sid == 0:
            ln, i = leb(body, 0)
            if body[i : i + ln] == b"name":
                names = function_names(body[i + ln :])
    if not names:
        raise SystemExit("no name section: build with -g (scripts/size-profile.sh)")
    totals = {owner: 0 for owner, _ in OWNERS}
    other = 0
    for idx, size in bodies:
        name = names.get(idx, "")
        for owner, pattern in OWNERS:
            if re.search(pattern, name):
                totals[owner] += size
                break
        else:
            other += size
    texts = b"\n".join(re.findall(rb"(?:[\x20-\x7e]|[\xc2-\xf4][\x80-\xbf]+){12,}", data))

    def kb(n):
        return f"{n / 1000:.0f} KB"

    print(f"code: {kb(len(code))} raw, {kb(len(gzip.compress(code, 9)))} gzipped")
    for owner, size in sorted(totals.items(), key=lambda t: -t[1]):
        print(f"  {owner}: {kb(size)}")
    print(f"  other: {kb(other)}")
    print(f"data: {kb(len(data))} raw, {kb(len(gzip.compress(data, 9)))} gzipped")
    print(
        f"  of which text (runs of 12+ printable characters: our English texts, the French of"
        f" trf!'s formats, class names, test ids): {kb(len(texts))} raw, {kb(len(gzip.compress(texts, 9)))} gzipped"
    )


if __name__ == "__main__":
    main(sys.argv[1])
