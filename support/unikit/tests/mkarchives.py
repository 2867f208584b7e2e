#!/usr/bin/env python3
"""Writes the archives extract.test feeds to unikit: good ones in every format, and hostile
ones that try to write outside the target folder. Generated at test time, never committed.

usage: mkarchives.py OUTDIR BAIT   (BAIT: an absolute folder the hostile archives aim at)
"""
import io
import os
import sys
import tarfile
import zipfile

README = b"hello from pkg\n"
FILE_C = b"int main(void) { return 0; }\n"


def tinfo(name, kind=tarfile.REGTYPE, data=b"", mode=0o644, link=""):
    ti = tarfile.TarInfo(name)
    ti.type, ti.mode, ti.linkname, ti.mtime = kind, mode, link, 1700000000
    ti.size = len(data) if kind == tarfile.REGTYPE else 0
    return ti, (io.BytesIO(data) if kind == tarfile.REGTYPE else None)


def good_members():
    return [
        ("pkg-1.0/", tarfile.DIRTYPE, b"", 0o755),
        ("pkg-1.0/README", tarfile.REGTYPE, README),
        ("pkg-1.0/sub/", tarfile.DIRTYPE, b"", 0o755),
        ("pkg-1.0/sub/file.c", tarfile.REGTYPE, FILE_C),
        ("pkg-1.0/run.sh", tarfile.REGTYPE, b"#!/bin/sh\necho run\n", 0o755),
        ("pkg-1.0/lnk", tarfile.SYMTYPE, b"", 0o777, "sub/file.c"),
        ("pkg-1.0/sub/up", tarfile.SYMTYPE, b"", 0o777, "../README"),
        ("pkg-1.0/hl", tarfile.LNKTYPE, b"", 0o644, "pkg-1.0/sub/file.c"),
        ("pkg-1.0/empty/", tarfile.DIRTYPE, b"", 0o755),
    ]


def hostile(bait):
    lead = [("pkg/", tarfile.DIRTYPE, b"", 0o755), ("pkg/ok.txt", tarfile.REGTYPE, b"ok\n")]
    return {
        "abs": lead + [(bait + "/abs_pwned", tarfile.REGTYPE, b"x")],
        "dotdot": lead + [("pkg/../../../dotdot_pwned", tarfile.REGTYPE, b"x")],
        "symlink-abs": lead + [("pkg/link", tarfile.SYMTYPE, b"", 0o777, bait),
                               ("pkg/link/sym_pwned", tarfile.REGTYPE, b"x")],
        "symlink-rel": lead + [("pkg/link", tarfile.SYMTYPE, b"", 0o777, "../../bait"),
                               ("pkg/link/sym_pwned", tarfile.REGTYPE, b"x")],
        # Each link alone stays inside; followed for real, c leads to dest's parent.
        "symlink-chain": lead + [("pkg/b", tarfile.SYMTYPE, b"", 0o777, "."),
                                 ("pkg/c", tarfile.SYMTYPE, b"", 0o777, "b/.."),
                                 ("pkg/c/chain_pwned", tarfile.REGTYPE, b"x")],
        "symlink-chain-only": lead + [("pkg/b", tarfile.SYMTYPE, b"", 0o777, "."),
                                      ("pkg/c", tarfile.SYMTYPE, b"", 0o777, "b/..")],
        "hardlink-rel": lead + [("pkg/hl", tarfile.LNKTYPE, b"", 0o644, "../../bait/target")],
        "hardlink-abs": lead + [("pkg/hl", tarfile.LNKTYPE, b"", 0o644, bait + "/target")],
        "device": lead + [("pkg/null", tarfile.CHRTYPE, b"", 0o666)],
    }


def main():
    out, bait = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    for ext, mode in (("tar.gz", "w:gz"), ("tar.xz", "w:xz"), ("tar.bz2", "w:bz2")):
        with tarfile.open(os.path.join(out, "good." + ext), mode, format=tarfile.GNU_FORMAT) as t:
            for m in good_members():
                name, kind, data = m[0], m[1], m[2]
                t.addfile(*tinfo(name, kind, data, *(m[3:4] or [0o644]), *m[4:5]))
    with zipfile.ZipFile(os.path.join(out, "good.zip"), "w") as z:
        z.writestr("pkg-1.0/README", README)
        z.writestr("pkg-1.0/sub/file.c", FILE_C)
    for name, members in hostile(bait).items():
        with tarfile.open(os.path.join(out, "evil-%s.tar.gz" % name), "w:gz",
                          format=tarfile.GNU_FORMAT) as t:
            for m in members:
                t.addfile(*tinfo(m[0], m[1], m[2], *(m[3:4] or [0o644]), *m[4:5]))
    with zipfile.ZipFile(os.path.join(out, "evil-zip.zip"), "w") as z:
        z.writestr("pkg/ok.txt", b"ok\n")
        z.writestr("pkg/../../zip_pwned", b"x")


if __name__ == "__main__":
    main()
