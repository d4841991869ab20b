#!/usr/bin/env python3
"""Generate a pg_hba.conf (and the files it refers to) for the oracle test.  Stdlib only.

    gen_hba_lines.py --major 16 --seed 1 --count 200           # print the records
    gen_hba_lines.py --major 16 --count 200 --write DIR         # write the files into DIR

``generate(major, seed, count)`` is deterministic for (major, seed, count).  It returns
an ``HbaFileSet``: the bytes of pg_hba.conf, the auxiliary files next to it (``@file``
lists, files for the 16+ ``include`` directives) and the list of records.  A record is
one line, or a few physical lines when it tests backslash continuations (14+) or a
comment that swallows the next line.  The expectation is per line: PostgreSQL's
pg_hba_file_rules gives each non-comment logical line its own row, numbered by its
first physical line.

The first records are fixed, hand-written cases (``CORE_RECORDS``); the rest are drawn
at random from the pools below, with a generator seeded with (major, seed).  Each
record carries a ``kind`` (what it tests) and may carry an ``exclude`` reason (reported,
not compared; none is set at present).  Machine-dependent input is not generated:
RADIUS servers are numeric addresses, since host names there are resolved when the
file is loaded (address-field host names are not).  Records that use authentication methods
whose support depends on the build (gss, sspi, ldap, pam, bsd) and ``hostgssenc`` are
generated like the others; the runner leaves a line out of the comparison when the
server says "not supported by this build" for it.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

ALL_MAJORS = (13, 14, 15, 16, 17, 18)

# Methods that only work in a server built with the matching library (or on another
# platform).  The npm builds have none of them.
BUILD_DEPENDENT_METHODS = ("gss", "sspi", "ldap", "pam", "bsd")


# --------------------------------------------------------------------------------------
# Auxiliary files, written next to pg_hba.conf.  Paths are relative to its directory.
# ``@file`` lists may hold any tokens; the include files hold only valid records (their
# rows carry their own file_name in 16+ and are not compared).
# --------------------------------------------------------------------------------------
AUX_FILES = {
    "dbs.txt": "db1 db2\ndb3,db4\n# a comment line\n",
    "dbs file.txt": "db7\n",
    "users.txt": "alice, bob\n+admins \"carol\"\n",
    "kw.txt": "all\n",
    "quoted_kw.txt": "\"all\"\n",
    "nest.txt": "@dbs.txt db9\n",
    "empty.txt": "",
    "one_addr.txt": "10.0.0.0/8\n",
    "two_addr.txt": "10.0.0.0/8 192.168.0.0/16\n",
    "type.txt": "local\n",
    "method.txt": "trust\n",
    "regex.txt": "/^db\\d+$\n",
    "bad_regex.txt": "/(\n",
    "sub/dbs.txt": "db5\n",
    "sub/rel.txt": "@dbs.txt\n",          # relative to sub/: sub/dbs.txt
    "inc/ok.conf": "local all all trust\n",
    "inc/ok2.conf": "host all all 127.0.0.1/32 scram-sha-256\n",
    "inc.d/10-a.conf": "local all postgres peer\n",
    "inc.d/20-b.conf": "host all all ::1/128 md5\n",
    "inc.d/ignored.txt": "this is not a .conf file and is never read\n",
}


@dataclass
class Record:
    """One generated record: one or more physical lines (without their line ends)."""
    lines: list
    kind: str
    exclude: str | None = None
    eols: list | None = None      # line end of each physical line; None: all "\n"
    first_line: int = 0           # set by generate(): 1-based physical line number

    def text(self) -> str:
        eols = self.eols or ["\n"] * len(self.lines)
        return "".join(l + e for l, e in zip(self.lines, eols))


@dataclass
class HbaFileSet:
    """Everything one oracle run of one major needs."""
    major: int
    seed: int
    hba: bytes                                   # the contents of pg_hba.conf
    aux: dict = field(default_factory=dict)      # relative path -> bytes
    records: list = field(default_factory=list)

    def write(self, directory: Path | str) -> Path:
        """Write pg_hba.conf and the auxiliary files into `directory`; return the hba path."""
        d = Path(directory)
        d.mkdir(parents=True, exist_ok=True)
        for rel, data in self.aux.items():
            p = d / rel
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_bytes(data)
        hba = d / "pg_hba.conf"
        hba.write_bytes(self.hba)
        return hba

    def record_at(self, line: int) -> Record | None:
        """The record whose physical lines include `line` (1-based)."""
        lo, hi = 0, len(self.records) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            r = self.records[mid]
            if line < r.first_line:
                hi = mid - 1
            elif line >= r.first_line + len(r.lines):
                lo = mid + 1
            else:
                return r
        return None


# --------------------------------------------------------------------------------------
# Hand-written records: the cases of the facts file (§4, §7) and the brief, in every
# major (version differences are the point).  A string is a one-line record; a tuple
# (kind, [lines]) or (kind, line) sets the kind; "\n" inside a string separates physical
# lines of one record.
# --------------------------------------------------------------------------------------
CORE_RECORDS = [
    ("basic", "local all all trust"),
    ("basic", "local all postgres peer"),
    ("basic", "host all all 127.0.0.1/32 scram-sha-256"),
    ("basic", "host all all ::1/128 scram-sha-256"),
    ("basic", "hostnossl all all 0.0.0.0/0 md5"),
    ("basic", "hostnogssenc all all 10.0.0.0/8 password"),
    ("basic", "host replication all 127.0.0.1/32 reject"),
    ("blank", ""),
    ("blank", "   "),
    ("blank", "\t"),
    ("comment", "# TYPE  DATABASE        USER            ADDRESS                 METHOD"),
    ("comment", "   # indented comment"),
    ("comment", "#"),
    ("comment", "#local all all trust"),
    # connection types
    ("type", "hostssl all all 0.0.0.0/0 md5"),
    ("type", "hostgssenc all all 0.0.0.0/0 md5"),
    ("type", "Host all all 10.0.0.0/8 md5"),
    ("type", "LOCAL all all trust"),
    ("type", "hostSSL all all 0.0.0.0/0 md5"),
    ("type", '"local" all all trust'),
    ("type", 'lo"cal" all all trust'),
    ("type", '"hostssl" all all 0.0.0.0/0 md5'),
    ("type", 'host"nossl" all all 0.0.0.0/0 md5'),
    ("type", '"" all all trust'),
    ("type", "local,host all all trust"),
    ("type", "localhost all all trust"),
    ("type", "ho#st all all 10.0.0.0/8 md5"),
    ("type", "@type.txt all all trust"),
    # field lists
    ("list", "host db1 ,db2 all 10.0.0.0/8 md5"),
    ("list", "host db1, db2 all 10.0.0.0/8 md5"),
    ("list", "host db1,db2 all 10.0.0.0/8 md5"),
    ("list", "local ,,all,, all trust"),
    ("list", "local all, all trust"),
    ("list", "local db1, all trust"),
    ("list", "local all alice, bob trust"),
    ("list", "local all alice ,bob trust"),
    ("list", "local all alice, trust"),
    # quoting
    ("quote", 'host "all" all 0.0.0.0/0 md5'),
    ("quote", 'local all"" all trust'),
    ("quote", 'local "all"x all trust'),
    ("quote", 'local a"b c"d all trust'),
    ("quote", 'local "" all trust'),
    ("quote", 'local all "" trust'),
    ("quote", 'local all all ""'),
    ("quote", 'local all all "trust"'),
    ("quote", 'local all all tr"ust"'),
    ("quote", 'local all all "trust"x'),
    ("quote", 'local all all "trust'),
    ("quote", 'local "all all trust'),
    ("quote", 'local all "all trust'),
    ("quote", 'local all all "trust#x"'),
    ("quote", 'local "a""b" all trust'),
    ("quote", 'local "sameuser" all trust'),
    ("quote", 'local all "+admins" trust'),
    ("quote", 'local all +"admins" trust'),
    ("quote", 'local all "all" trust'),
    # comments inside tokens
    ("comment-mid", "local all#x all trust"),
    ("comment-mid", "local all all#x trust"),
    ("comment-mid", "local all all trust#x"),
    ("comment-mid", "local all all trust #"),
    ("comment-mid", "host all all 10.0.0.0/8#x md5"),
    ("comment-mid", "local all all peer map=x#y"),
    # keywords
    ("keyword", "local sameuser all md5"),
    ("keyword", "local samerole all md5"),
    ("keyword", "local samegroup all md5"),
    ("keyword", "local replication all peer"),
    ("keyword", "local ALL all trust"),
    ("keyword", "local all ALL trust"),
    ("keyword", "local all + trust"),
    ("keyword", "local all +admins trust"),
    # @file references
    ("atfile", "local @dbs.txt all trust"),
    ("atfile", "local @dbs.txt,db5 all trust"),
    ("atfile", 'local "@dbs.txt" all trust'),
    ("atfile", 'local @"dbs file.txt" all trust'),
    ("atfile", "local @ all trust"),
    ("atfile", "local @missing.txt all trust"),
    ("atfile", 'local @"missing file.txt" all trust'),
    ("atfile", "local @nest.txt all trust"),
    ("atfile", "local @sub/rel.txt all trust"),
    ("atfile", "local @kw.txt all trust"),
    ("atfile", "local @quoted_kw.txt all trust"),
    ("atfile", "local @empty.txt all trust"),
    ("atfile", "local all @users.txt trust"),
    ("atfile", "host all all @one_addr.txt md5"),
    ("atfile", "host all all @two_addr.txt md5"),
    ("atfile", "local all all @method.txt"),
    ("atfile", "local @regex.txt all trust"),
    ("atfile", "local @bad_regex.txt all trust"),
    # regular expressions (16+; literal names before)
    ("regex", "host all /^db\\d+$ 10.0.0.0/8 md5"),
    ("regex", "local /^db\\d+$ all trust"),
    ("regex", 'local "/^db" all trust'),
    ("regex", "local /( all trust"),
    ("regex", 'local "/(" all trust'),
    ("regex", "local all /a{2,1} trust"),
    ("regex", "local all /[a- trust"),
    ("regex", "local / all trust"),
    ("regex", "local all /.* trust"),
    ("regex", "local all /^(.*)$ trust"),
    ("regex", "local all /x** trust"),
    # addresses
    ("addr", "host all all 192.168.1.5/24 md5"),
    ("addr", "host all all 192.168.1.0/33 md5"),
    ("addr", "host all all 192.168.1.0/ md5"),
    ("addr", "host all all 192.168.1.0/+24 md5"),
    ("addr", "host all all 192.168.1.0/024 md5"),
    ("addr", "host all all 192.168.1.0/-1 md5"),
    ("addr", "host all all 192.168.1.0/24x md5"),
    ("addr", "host all all 192.168.1.0/0x18 md5"),
    ("addr", "host all all ::/129 md5"),
    ("addr", "host all all 2001:db8::1/64 md5"),
    ("addr", "host all all 192.168.1.0 md5"),
    ("addr", "host all all 192.168.1.0 255.255.255.0 md5"),
    ("addr", "host all all 192.168.1.0 255.255.0.255 md5"),
    ("addr", "host all all 192.168.1.0 ffff:: md5"),
    ("addr", "host all all ::1 255.255.255.255 md5"),
    ("addr", "host all all 192.168.1.0 255.255.255.256 md5"),
    ("addr", "host all all 192.168.1.0 255.255.255.0/24 md5"),
    ("addr", 'host all all 192.168.1.0 "255.255.255.0" md5'),
    ("addr", "host all all 192.168.1.0"),
    ("addr", "host all all all md5"),
    ("addr", 'host all all "all" md5'),
    ("addr", "host all all samehost md5"),
    ("addr", "host all all samenet md5"),
    ("addr", 'host all all "samenet" md5'),
    ("addr", "host all all example.com md5"),
    ("addr", "host all all .example.com md5"),
    ("addr", "host all all example.com/24 md5"),
    ("addr", "host all all 10.0.0.0/8,10.1.0.0/16 md5"),
    ("addr", "host all all 10.0.0.0/8, 10.1.0.0/16 md5"),
    ("addr", "host all all 10.0.0.0/8 ,10.1.0.0/16 md5"),
    ("addr", "host all all 10.0.0.0/8, md5"),
    ("addr", "host all all 1.2.3/24 md5"),
    ("addr", "host all all 10/8 md5"),
    ("addr", "host all all 127.1/32 md5"),
    ("addr", "host all all 0x7f000001/32 md5"),
    ("addr", "host all all 256.1.1.1/8 md5"),
    ("addr", "host all all [::1]/128 md5"),
    ("addr", 'host all all "" md5'),
    ("addr", 'host all all "192.168.1.0/24" md5'),
    ("addr", "host all all 192.168.1.0/99999999999 md5"),
    # methods
    ("method", "local all all ident"),
    ("method", "local all all gss"),
    ("method", "host all all 0.0.0.0/0 peer"),
    ("method", "host all all 0.0.0.0/0 cert"),
    ("method", "hostssl all all 0.0.0.0/0 cert"),
    ("method", "local all all MD5"),
    ("method", "local all all Trust"),
    ("method", "local all all md5,trust"),
    ("method", "local all all scram-sha256"),
    ("method", "local all all krb5"),
    ("method", "local all all crypt"),
    ("method", "local all all oauth"),
    ("method", "local all all radius"),
    ("method", "host all all 0.0.0.0/0 ldap"),
    ("method", "local all all pam"),
    ("method", "host all all 0.0.0.0/0 bsd"),
    ("method", "host all all 0.0.0.0/0 sspi"),
    ("method", "hostgssenc all all 0.0.0.0/0 gss"),
    # options
    ("option", "hostssl all all 0.0.0.0/0 cert clientcert=verify-ca"),
    ("option", "hostssl all all 0.0.0.0/0 cert clientcert=verify-full"),
    ("option", "host all all 0.0.0.0/0 md5 clientcert=verify-full"),
    ("option", "hostssl all all 0.0.0.0/0 md5 clientcert=1"),
    ("option", "hostssl all all 0.0.0.0/0 md5 clientcert=0"),
    ("option", "hostssl all all 0.0.0.0/0 md5 clientcert=no-verify"),
    ("option", "hostssl all all 0.0.0.0/0 cert clientcert=no-verify"),
    ("option", "hostssl all all 0.0.0.0/0 md5 clientcert=bogus"),
    ("option", "hostssl all all 0.0.0.0/0 md5 clientname=CN"),
    ("option", "hostssl all all 0.0.0.0/0 cert clientname=DN"),
    ("option", "hostssl all all 0.0.0.0/0 md5 clientname=x"),
    ("option", "host all all 0.0.0.0/0 md5 clientname=CN"),
    ("option", "local all all trust MAP=x"),
    ("option", "local all all trust map=x"),
    ("option", "local all all peer map=x"),
    ("option", "local all all peer map="),
    ("option", "local all all peer map"),
    ("option", "local all all md5 foo"),
    ("option", "local all all md5 foo=bar"),
    ("option", "local all all md5 =x"),
    ("option", 'local all all peer "map=a b"'),
    ("option", 'local all all peer "map = x"'),
    ("option", "local all all peer map=x,map=y"),
    ("option", "local all all trust include_realm=1"),
    ("option", "local all all trust ldapserver=x"),
    ("option", "local all all trust pamservice=x"),
    ("option", "local all all trust radiusservers=127.0.0.1"),
    ("option", "local all all trust issuer=https://example.com"),
    ("option", "host all all 0.0.0.0/0 ldap ldapserver=x ldapbasedn=dc=example,dc=net"),
    ("option", 'host all all 0.0.0.0/0 ldap ldapserver=x ldapbasedn="dc=example, dc=net"'),
    ("option", "host all all 0.0.0.0/0 ldap ldapserver=x ldapprefix=cn= ldaptls=true"),
    ("option", "host all all 0.0.0.0/0 ldap ldapserver=x ldapprefix=cn= ldapscheme=foo"),
    ("option", "host all all 0.0.0.0/0 radius radiusservers=127.0.0.1"),
    ("option", "host all all 0.0.0.0/0 radius radiusservers=127.0.0.1 radiussecrets=s"),
    ("option", "host all all 0.0.0.0/0 radius radiusservers=127.0.0.1 radiussecrets=s radiusports=x"),
    ("option", "host all all 0.0.0.0/0 radius radiusservers=127.0.0.1,127.0.0.2 radiussecrets=s"),
    ("option", 'host all all 0.0.0.0/0 radius "radiusservers=127.0.0.1,127.0.0.2" "radiussecrets=a,b,c"'),
    ("option", 'host all all 0.0.0.0/0 radius "radiusservers=127.0.0.1,,127.0.0.2" radiussecrets=s'),
    ("option", "local all all oauth issuer=https://auth.example.com scope=openid"),
    ("option", "local all all oauth issuer=https://auth.example.com"),
    ("option", "local all all oauth scope=openid map=m delegate_ident_mapping=1"),
    # include directives (16+; an invalid connection type before)
    ("include", "include inc/ok.conf"),
    ("include", "include_if_exists inc/ok2.conf"),
    ("include", "include_if_exists inc/none.conf"),
    ("include", "include inc/none.conf"),
    ("include", "include_dir inc.d"),
    ("include", "include_dir nodir"),
    ("include", "INCLUDE inc/ok.conf"),
    ("include", '"include" inc/ok.conf'),
    ("include", 'include "inc/ok.conf"'),
    ("include", "include inc/ok.conf,inc/none.conf"),
    ("include", "include inc/ok.conf extra"),
    ("include", "include"),
    ("include", "include_dir"),
    # truncated records and too many fields
    ("truncated", "local"),
    ("truncated", "local all"),
    ("truncated", "local all all"),
    ("truncated", "host"),
    ("truncated", "host all"),
    ("truncated", "host all all"),
    ("truncated", "host all all 10.0.0.0/8"),
    ("truncated", "hostssl"),
    ("too-many", "local all all trust extra"),
    ("too-many", "local all all 10.0.0.0/8 trust"),
    ("too-many", "host all all 10.0.0.0/8 md5 md5"),
    ("too-many", "host all all 10.0.0.0/8 md5 10.0.0.0/8"),
    # whitespace and line ends
    ("space", "local\tall\tall\ttrust"),
    ("space", "   local   all   all   trust   "),
    ("space", "local\rall\rall\rtrust"),
    ("space", "local all all trust\r"),
    # long tokens (10240 bytes is too long in 13-15 at these minors)
    ("long", "local " + "d" * 10239 + " all trust"),
    ("long", "local " + "d" * 10240 + " all trust"),
    ("long", "local all all peer map=" + "m" * 12000),
    # UTF-8
    ("utf8", "local dbé all trust"),
    ("utf8", "local all \"rôle\" trust"),
    # continuations (14+; in 13 each physical line is a record)
    ("continuation", "local all \\\nall trust"),
    ("continuation", "local all all trust # note \\\nhost all all 1.2.3.4/33 md5"),
    ("continuation", "local all \\ \nall trust"),
    ("continuation", "lo\\\ncal all all trust"),
    ("continuation", "local \"all\\\n\" all trust"),
    ("continuation", "local all all \\\n"),
    ("continuation", "local \\\nall \\\nall \\\ntrust"),
    ("continuation", "local all all trust\\\nhost all all 10.0.0.0/8 md5"),
    ("continuation", "\\\nlocal all all trust"),
    ("continuation", "# comment \\\nlocal all all trust"),
    ("continuation", "local all all trust \\\\\nx"),
    ("continuation", "host all all 10.0.0.0/8 \\\n  md5 # split before the method"),
]


# --------------------------------------------------------------------------------------
# Pools for random records: (weight, value).  Values are field texts, already quoted.
# --------------------------------------------------------------------------------------
TYPE_POOL = [
    (26, "local"), (26, "host"), (8, "hostssl"), (8, "hostnossl"), (3, "hostgssenc"),
    (6, "hostnogssenc"),
    (0.4, '"local"'), (0.4, '"host"'), (0.3, 'lo"cal"'), (0.3, "Host"), (0.3, "LOCAL"),
    (0.3, "HOST"), (0.3, "hostSSL"), (0.2, "HostNoSSL"), (0.2, "hosts"), (0.2, "localhost"),
    (0.2, "hostgss"), (0.2, '""'), (0.2, '"hostssl"'), (0.2, 'host"nossl"'), (0.2, "local,host"),
    (0.2, "host, local"), (0.2, "@type.txt"), (0.1, "@missing.txt"), (0.2, "all"),
    (0.2, "include"), (0.1, "remote"), (0.1, "ho#st"),
]

DB_POOL = [
    (22, "all"), (4, "sameuser"), (4, "samerole"), (1, "samegroup"), (5, "replication"),
    (8, "postgres"), (6, "db1"), (2, "app_db"), (1, '"my db"'), (1, '"all"'),
    (0.6, '"sameuser"'), (0.6, '"replication"'), (0.6, "ALL"), (0.5, "Replication"),
    (0.6, 'all""'), (0.5, '"all"x'), (0.5, 'a"b c"d'), (0.4, '""'), (2, "db1,db2"),
    (1.5, "db1, db2"), (1, "db1 ,db2"), (0.6, "db1,"), (0.4, ",db1"), (0.5, 'db1,"db 2"'),
    (0.5, "all,replication"), (1, "@dbs.txt"), (0.5, '@"dbs file.txt"'), (0.5, "@dbs.txt,db5"),
    (0.4, '"@dbs.txt"'), (0.3, "@"), (0.5, "@missing.txt"), (0.3, "@nest.txt"),
    (0.3, "@sub/rel.txt"), (0.3, "@kw.txt"), (0.2, "@empty.txt"), (0.2, "@regex.txt"),
    (0.2, "@bad_regex.txt"), (1.2, "/^db\\d+$"), (0.4, '"/^db"'), (0.5, "/("),
    (0.3, "/[a-"), (0.3, "/a{2,1}"), (0.3, "/"), (0.3, "/.*"), (0.3, "dbé"),
]

USER_POOL = [
    (26, "all"), (8, "postgres"), (5, "alice"), (4, "+admins"), (1, '"+admins"'),
    (0.5, '+"admins"'), (0.5, "+"), (0.6, '"all"'), (0.5, "ALL"), (2, "alice,bob"),
    (1, "alice, bob"), (0.8, "alice ,bob"), (0.5, "alice,"), (1, "@users.txt"),
    (0.3, "@missing.txt"), (1, "/^a"), (0.4, "/("), (0.3, '"/^a"'), (0.3, "/^(.*)$"),
    (0.3, '"a b"'), (0.3, '""'), (0.3, "rôle"), (0.3, "replication"), (0.3, "sameuser"),
]

ADDR_POOL = [
    # CIDR, IPv4
    (20, "10.0.0.0/8"), (14, "192.168.1.0/24"), (8, "127.0.0.1/32"), (8, "0.0.0.0/0"),
    (1.5, "192.168.1.5/24"), (0.6, "1.2.3.4/+24"), (0.6, "1.2.3.4/024"), (0.6, "10.0.0.0/08"),
    (1, "192.168.1.0/33"), (0.6, "10.0.0.0/-1"), (0.6, "10.0.0.0/"), (0.5, "10.0.0.0/24x"),
    (0.4, "10.0.0.0/0x18"), (0.3, "10.0.0.0/99999999999"), (0.4, "1.2.3/24"), (0.4, "10/8"),
    (0.3, "127.1/32"), (0.3, "0x7f000001/32"), (0.6, "256.1.1.1/8"), (0.3, "1.2.3.4.5/32"),
    # CIDR, IPv6
    (8, "::1/128"), (4, "::/0"), (2, "fe80::/10"), (3, "2001:db8::/32"),
    (1, "2001:db8::1/64"), (0.6, "::ffff:10.0.0.1/128"), (1, "::/129"), (0.4, "::1/+128"),
    (0.3, "2001:db8:::1/64"), (0.3, "[::1]/128"), (0.3, "2001:db8::/"),
    # address and netmask
    (6, "192.168.1.0 255.255.255.0"), (2, "10.0.0.0 255.0.0.0"), (1, "10.0.0.1 0.0.0.0"),
    (1, "192.168.1.0 255.255.0.255"), (1, "192.168.1.0 ffff::"), (1, "::1 255.255.255.255"),
    (1, "::1 ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"), (0.6, "2001:db8:: ffff:ffff::"),
    (0.6, "192.168.1.0 255.255.255.256"), (0.5, "192.168.1.0 255.255.255.0/24"),
    (0.4, '192.168.1.0 "255.255.255.0"'), (0.4, "192.168.1.0 all"), (0.4, "10.0.0.1 10.0.0.0/8"),
    (1.5, "192.168.1.0"), (0.8, "::1"),
    # keywords and host names
    (8, "all"), (1, '"all"'), (3, "samehost"), (3, "samenet"), (0.5, '"samehost"'),
    (0.4, "SameNet"), (0.3, "ALL"), (3, "example.com"), (2, ".example.com"),
    (1, "db-1.internal"), (1, "localhost"), (0.5, '"example.com"'), (1, "example.com/24"),
    (0.5, ".example.com/16"), (0.3, "x_y"), (0.3, '"my host"'),
    # lists and files
    (1, "10.0.0.0/8,10.1.0.0/16"), (0.6, "10.0.0.0/8, 10.1.0.0/16"),
    (0.6, "10.0.0.0/8 ,10.1.0.0/16"), (0.4, "10.0.0.0/8,"), (0.3, "all,samehost"),
    (0.4, "@one_addr.txt"), (0.4, "@two_addr.txt"), (0.3, "@missing.txt"), (0.3, '""'),
]

COMMON_METHODS = ["trust", "reject", "md5", "password", "scram-sha-256", "ident", "peer", "cert",
                  "radius", "oauth"]

METHOD_POOL = [
    (14, "trust"), (5, "reject"), (10, "md5"), (3, "password"), (14, "scram-sha-256"),
    (4, "ident"), (6, "peer"), (4, "cert"), (4, "radius"), (3, "oauth"),
    (0.8, "gss"), (0.5, "sspi"), (1.2, "ldap"), (0.5, "pam"), (0.4, "bsd"),
    (0.5, "MD5"), (0.4, "Trust"), (0.3, "SCRAM-SHA-256"), (0.5, '"md5"'), (0.3, '"trust"'),
    (0.3, 'tr"ust"'), (0.4, "scram-sha256"), (0.3, "scram"), (0.3, "sha256"), (0.3, "crypt"),
    (0.3, "krb5"), (0.3, "none"), (0.4, "md5,trust"), (0.3, "md5, trust"), (0.2, '"md5,trust"'),
    (0.3, '""'), (0.3, "trust#x"), (0.3, "@method.txt"), (0.2, "@missing.txt"),
]

CLIENTCERT_VALUES = ["verify-ca", "verify-full", "1", "0", "no-verify", "bogus", '""',
                     "Verify-Full", "VERIFY-CA", '"verify-full"', "true"]
CLIENTNAME_VALUES = ["CN", "DN", "cn", "x", '""']

# Option groups by method: each entry is a list of option tokens written together.
METHOD_OPTIONS = {
    "ident": [["map=omicron"], ["map=x"], ['map="a b"'], ["map="]],
    "peer": [["map=omicron"], ["map=x"], ["map="], ['"map=a b"']],
    "cert": [["map=certmap"], ["map=x"]],
    "gss": [["include_realm=0"], ["krb_realm=EXAMPLE.COM"], ["map=gssmap", "include_realm=1"],
            ["compat_realm=1"]],
    "sspi": [["include_realm=0"], ["compat_realm=1"], ["upn_username=1"], ["krb_realm=X"]],
    "pam": [["pamservice=postgresql"], ["pam_use_hostname=1"], ["map=x"]],
    "bsd": [["map=x"]],
    "ldap": [
        ["ldapserver=ldap.example.com", 'ldapprefix="cn="', 'ldapsuffix=", dc=example, dc=net"'],
        ["ldapserver=ldap.example.com", 'ldapbasedn="dc=example, dc=net"'],
        ["ldapserver=ldap.example.com", "ldapbasedn=dc=example,dc=net"],
        ["ldapserver=x", "ldapprefix=cn=", "ldaptls=true"],
        ["ldapserver=x", "ldapprefix=cn=", "ldapscheme=foo"],
        ["ldapserver=x", "ldapprefix=cn=", "ldapport=0"],
        ["ldapserver=x", "ldapprefix=cn=", "ldapbasedn=dc=x"],
        ["ldapserver=x", "ldapsearchattribute=uid", "ldapsearchfilter=(uid=$username)"],
        ['ldapurl="ldap://ldap.example.net/dc=example,dc=net?uid?sub"'],
        ["ldapserver=x"],
    ],
    "radius": [
        ["radiusservers=127.0.0.1", "radiussecrets=s"],
        ["radiusservers=127.0.0.1", "radiussecrets=s", "radiusports=1812"],
        ["radiusservers=127.0.0.1", "radiussecrets=s", "radiusports=x"],
        ["radiusservers=127.0.0.1", "radiussecrets=s", "radiusports=0"],
        ["radiusservers=127.0.0.1", "radiussecrets=s", "radiusports=65536"],
        ["radiusservers=127.0.0.1", "radiussecrets=s", 'radiusports="1812,1813"'],
        ["radiusservers=127.0.0.1", "radiussecrets=s", "radiusidentifiers=pg"],
        ['"radiusservers=127.0.0.1,::1"', '"radiussecrets=a,b"'],
        ['radiusservers="127.0.0.1, ::1"', 'radiussecrets="a,b,c"'],
        ['"radiusservers=127.0.0.1,,127.0.0.2"', "radiussecrets=s"],
        ["radiusservers=127.0.0.1,127.0.0.2", "radiussecrets=s"],
        ['radiusservers=""', "radiussecrets=s"],
        ["radiusservers=127.0.0.1", 'radiussecrets=""'],
        ["radiusservers=127.0.0.1"],
        ["radiussecrets=s"],
        [],
    ],
    "oauth": [
        ["issuer=https://auth.example.com", "scope=openid"],
        ["issuer=https://auth.example.com", 'scope="openid email"'],
        ["issuer=https://auth.example.com"],
        ["scope=openid"],
        ["issuer=x", "scope=y", "validator=v"],
        ["issuer=x", "scope=y", "delegate_ident_mapping=1"],
        ["issuer=x", "scope=y", "map=m"],
        ["issuer=x", "scope=y", "map=m", "delegate_ident_mapping=1"],
        [],
    ],
}

# Options for any method: wrong-method options, unknown names, malformed tokens.
GENERIC_OPTIONS = [
    (6, "map=x"), (2, "ldapserver=x"), (1, "ldapport=389"), (1, "pamservice=x"),
    (1, "radiusservers=127.0.0.1"), (1, "radiussecrets=s"), (1, "include_realm=1"),
    (1, "krb_realm=EXAMPLE.COM"), (0.6, "compat_realm=1"), (0.6, "upn_username=1"),
    (0.6, "pam_use_hostname=1"), (0.6, "ldaptls=1"), (1, "issuer=https://x"), (0.6, "scope=openid"),
    (0.5, "validator=v"), (0.5, "delegate_ident_mapping=1"),
    (2, "foo=bar"), (1.5, "MAP=x"), (0.6, "Map=x"), (0.6, "CLIENTCERT=verify-full"),
    (1.5, "foo"), (1, "map"), (0.6, "=x"), (0.4, "="), (0.5, "map==x"), (0.5, '"map = x"'),
    (0.5, '"map=x"'), (0.5, "map=x,map=y"), (0.4, "map=x,foo"),
]

SEPARATORS = [(80, " "), (8, "\t"), (7, "  "), (5, " \t ")]
TRAILERS = [(88, ""), (5, " # comment"), (3, "#trailing"), (4, "   ")]
EOLS = [(88, "\n"), (10, "\r\n"), (2, "\r\r\n")]


def pick(rng: random.Random, pool: list):
    """A weighted choice from a list of (weight, value)."""
    total = sum(w for w, _ in pool)
    x = rng.random() * total
    for w, v in pool:
        x -= w
        if x < 0:
            return v
    return pool[-1][1]


def bare(token: str) -> str:
    """The token without its double quotes (how the type and method fields are compared)."""
    return token.replace('"', "")


def options_for(rng: random.Random, method: str, ctype: str) -> list:
    """Option tokens for a record with this method and connection type."""
    out = []
    # radius, ldap and oauth need options; the others take a few (or none)
    wants = 0.9 if method in ("radius", "ldap", "oauth") else 0.35
    if method in METHOD_OPTIONS and rng.random() < wants:
        out += rng.choice(METHOD_OPTIONS[method])
    if (ctype == "hostssl" and rng.random() < 0.6) or rng.random() < 0.06:
        if rng.random() < 0.7:
            out.append("clientcert=" + rng.choice(CLIENTCERT_VALUES))
        if rng.random() < 0.35:
            out.append("clientname=" + rng.choice(CLIENTNAME_VALUES))
    if rng.random() < 0.1:
        out.append(pick(rng, GENERIC_OPTIONS))
    return out


def random_record(rng: random.Random, major: int) -> Record:
    """A record built from the pools: mostly valid-looking, with one or two odd parts."""
    ctype = pick(rng, TYPE_POOL)
    known = bare(ctype) in ("local", "host", "hostssl", "hostnossl", "hostgssenc", "hostnogssenc")
    fields = [ctype, pick(rng, DB_POOL), pick(rng, USER_POOL)]
    if (known and bare(ctype) != "local") or (not known and rng.random() < 0.5) \
            or rng.random() < 0.02:
        fields.append(pick(rng, ADDR_POOL))
    method = pick(rng, METHOD_POOL)
    # peer off local sockets and cert off hostssl are errors: keep them, but rarer
    while ((bare(method) == "peer" and bare(ctype) != "local")
           or (bare(method) == "cert" and bare(ctype) != "hostssl")
           or (bare(method) == "oauth" and major < 18)) and rng.random() < 0.7:
        method = pick(rng, METHOD_POOL)
    fields.append(method)
    opts = options_for(rng, bare(method), bare(ctype))
    fields += opts
    sep = pick(rng, SEPARATORS)
    line = sep.join(fields)
    if rng.random() < 0.04:
        line = rng.choice(["  ", "\t", " "]) + line
    line += pick(rng, TRAILERS)
    kind = "random:" + bare(method).split(",")[0][:14] if known else "random:bad-type"
    return Record([line], kind)


def random_structural(rng: random.Random, major: int) -> Record:
    """Blank lines, comments, continuations and truncated records with random contents."""
    r = rng.random()
    if r < 0.25:
        return Record([rng.choice(["", "", "  ", "\t", "# " + rng.choice(["allow", "local", "x \\ y"])])],
                      "blank/comment")
    base = random_record(rng, major)
    words = base.lines[0].strip().split(" ")
    if r < 0.55 and len(words) > 2:
        # split the record across physical lines with backslash continuations
        cut = rng.randrange(1, len(words))
        first = " ".join(words[:cut])
        rest = " ".join(words[cut:])
        style = rng.random()
        if style < 0.5:
            lines = [first + " \\", rest]
        elif style < 0.7:
            lines = [first + "\\", " " + rest]
        elif style < 0.85:
            lines = [first + " \\ ", rest]           # backslash-space: not a continuation
        else:
            lines = [first + " # note \\", rest]     # comment swallows the next line (14+)
        return Record(lines, "continuation:random", base.exclude)
    if r < 0.8 and len(words) > 1:
        cut = rng.randrange(1, len(words))
        return Record([" ".join(words[:cut])], "truncated:random", base.exclude)
    extra = rng.choice(["extra", "10.0.0.0/8", "md5", "all", "x=y", "#c"])
    return Record([base.lines[0] + " " + extra], "too-many:random", base.exclude)


def core_records() -> list:
    """CORE_RECORDS as Record objects."""
    out = []
    for kind, text in CORE_RECORDS:
        lines = text.split("\n")
        out.append(Record(lines, kind))
    return out


def generate(major: int, seed: int = 1, count: int = 3000) -> HbaFileSet:
    """The pg_hba.conf of `count` records for `major`, deterministic for (major, seed, count)."""
    rng = random.Random(f"pglint-hba:{major}:{seed}")
    records = core_records()[:count]
    while len(records) < count - 1:
        if rng.random() < 0.12:
            records.append(random_structural(rng, major))
        else:
            records.append(random_record(rng, major))
    if len(records) < count:
        # the last record has no final newline; sometimes it ends in a backslash
        last = rng.choice(["local all all trust", "host all all 10.0.0.0/8 md5 # last",
                           "local all all \\", "local all all trust\r"])
        records.append(Record([last], "eof", eols=[""]))
    # line ends: the core records get the same ones in every major (easier to compare)
    core_rng = random.Random(f"pglint-hba-core:{seed}")
    for i, rec in enumerate(records):
        if rec.eols is None:
            r = core_rng if i < len(CORE_RECORDS) else rng
            rec.eols = [pick(r, EOLS) for _ in rec.lines]
    line = 1
    chunks = []
    for rec in records:
        rec.first_line = line
        line += len(rec.lines)
        chunks.append(rec.text())
    hba = "".join(chunks).encode("utf-8")
    aux = {k: v.encode("utf-8") for k, v in AUX_FILES.items()}
    return HbaFileSet(major, seed, hba, aux, records)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Generate pg_hba.conf records for the oracle test.")
    ap.add_argument("--major", type=int, default=16, choices=ALL_MAJORS)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--write", metavar="DIR", help="write pg_hba.conf and its files into DIR")
    a = ap.parse_args(argv)
    fs = generate(a.major, a.seed, a.count)
    if a.write:
        print(fs.write(a.write))
        return 0
    for rec in fs.records:
        for i, l in enumerate(rec.lines):
            tag = rec.kind if i == 0 else "  (cont.)"
            ex = f"  [not compared: {rec.exclude}]" if rec.exclude and i == 0 else ""
            print(f"{rec.first_line + i:5d} {tag:22s} {(l + rec.eols[i])!r}{ex}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
