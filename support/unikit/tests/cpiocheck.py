#!/usr/bin/env python3
"""Independent checks for mkcpio output.

cpiocheck.py headers ARCHIVE MTIME   - parse newc headers; check order, ids, times, inodes
cpiocheck.py same SRC DST MTIME      - compare an extracted tree with its source
Prints one problem per line and exits 1 if there are any.
"""
import os
import stat
import sys


def parse(path):
    data = open(path, "rb").read()
    off, out = 0, []
    while True:
        h = data[off:off + 110]
        if h[:6] != b"070701":
            raise SystemExit("bad magic at %d" % off)
        f = [int(h[6 + 8 * i:14 + 8 * i], 16) for i in range(13)]
        ino, mode, uid, gid, nlink, mtime, size, dmaj, dmin, rmaj, rmin, nsz = f[:12]
        name = data[off + 110:off + 110 + nsz - 1]
        off = (off + 110 + nsz + 3) & ~3
        body = data[off:off + size]
        off = (off + size + 3) & ~3
        if name == b"TRAILER!!!":
            return out
        out.append(dict(ino=ino, mode=mode, uid=uid, gid=gid, nlink=nlink, mtime=mtime,
                        size=size, dev=(dmaj, dmin, rmaj, rmin), name=name, body=body))


def check_headers(archive, mtime):
    errs, ents = [], parse(archive)
    names = [e["name"] for e in ents]
    if names[:1] != [b"."]:
        errs.append("first entry is %r, not '.'" % names[:1])
    if names != sorted(names):
        errs.append("entries not sorted bytewise")
    seen, next_ino = {}, 1
    for e in ents:
        n = e["name"]
        if n != b"." and not n.startswith(b"./"):
            errs.append("%r does not start with ./" % n)
        if n != b"." and n.rsplit(b"/", 1)[0] not in seen:
            errs.append("%r comes before its parent" % n)
        if (e["uid"], e["gid"]) != (0, 0) or e["dev"] != (0, 0, 0, 0):
            errs.append("%r: uid/gid/dev not 0" % n)
        if e["mtime"] != mtime:
            errs.append("%r: mtime %d, want %d" % (n, e["mtime"], mtime))
        if e["ino"] == next_ino:
            next_ino += 1
        elif e["ino"] not in [x["ino"] for x in seen.values()]:
            errs.append("%r: inode %d out of sequence" % (n, e["ino"]))
        seen[n] = e
    groups = {}
    for e in ents:
        groups.setdefault(e["ino"], []).append(e)
    for ino, g in groups.items():
        if len(g) > 1:
            # newc convention (GNU cpio): the body travels with the last link only
            if any(x["size"] for x in g[:-1]) or g[-1]["size"] == 0:
                errs.append("hard-link group %d: body not on the last link only" % ino)
            if any(x["nlink"] != len(g) for x in g):
                errs.append("hard-link group %d: nlink is not %d" % (ino, len(g)))
    return errs


def walk(root):
    out = {}
    for d, dirs, files in os.walk(root):
        for x in dirs + files:
            p = os.path.join(d, x)
            out[os.path.relpath(p, root)] = os.lstat(p)
    return out


def check_same(src, dst, mtime):
    errs, a, b = [], walk(src), walk(dst)
    a = {k: v for k, v in a.items() if os.path.basename(k) != ".gitkeep"}
    if set(a) != set(b):
        errs.append("names differ: only in source %r, only in copy %r" %
                    (sorted(set(a) - set(b)), sorted(set(b) - set(a))))
    groups = {}
    for k in sorted(set(a) & set(b)):
        sa, sb = a[k], b[k]
        if stat.S_IFMT(sa.st_mode) != stat.S_IFMT(sb.st_mode):
            errs.append("%r: type differs" % k)
            continue
        if stat.S_ISLNK(sa.st_mode):
            if os.readlink(os.path.join(src, k)) != os.readlink(os.path.join(dst, k)):
                errs.append("%r: symlink target differs" % k)
            continue
        if stat.S_IMODE(sa.st_mode) != stat.S_IMODE(sb.st_mode):
            errs.append("%r: mode %o vs %o" % (k, sa.st_mode, sb.st_mode))
        if stat.S_ISREG(sa.st_mode):
            if open(os.path.join(src, k), "rb").read() != open(os.path.join(dst, k), "rb").read():
                errs.append("%r: content differs" % k)
            if int(sb.st_mtime) != mtime:
                errs.append("%r: mtime %d, want %d" % (k, sb.st_mtime, mtime))
            groups.setdefault(sa.st_ino, set()).add(sb.st_ino)
    for src_ino, dst_inos in groups.items():
        if len(dst_inos) != 1:
            errs.append("hard links to one file became %d files" % len(dst_inos))
    linked = [k for k in a if stat.S_ISREG(a[k].st_mode) and a[k].st_nlink > 1]
    if linked and all(b[k].st_nlink == 1 for k in linked if k in b):
        errs.append("no hard links in the copy")
    return errs


def main():
    if sys.argv[1] == "headers":
        errs = check_headers(sys.argv[2], int(sys.argv[3]))
    else:
        errs = check_same(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    for e in errs:
        print(e)
    sys.exit(1 if errs else 0)


if __name__ == "__main__":
    main()
