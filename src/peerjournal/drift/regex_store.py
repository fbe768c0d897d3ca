"""Compiled regexes kept on disk between runs.

Python's regex compiler is itself written in Python. The lexicon's combined regexes (one per
word or pair of words a phrase starts with, some over 20,000 characters) take 1-4 ms each to
compile: a batch of entries needs ~1,100 of them (2-4 s in every worker), a single
`drift --text` ~30 (~100-170 ms). This store appends the compiled code of every combined regex
a process builds to one file in the cache dir, and later processes rebuild each in
microseconds with `_sre.compile`.

That is CPython's internal API (`re._parser`, `re._compiler._code`, `_sre.compile`). So the
file is named for the interpreter's version and its regex engine's magic number (and the store
is off where the engine's code words are not the size of an `array` item);
every record carries a checksum of its bytes and `_sre.compile` validates the code; and on
any surprise the regex is compiled with `re.compile` as usual. It is a cache: a missing,
damaged, foreign or unwritable file costs speed only.

File format (`FORMAT`, part of the file's name): records of (16-byte digest of the flags and
pattern, payload length, crc32 of the payload), then the payload: flags, group count and the
length of the group names as little-endian uint32, the names ("name=index,…"), then the
zlib-compressed code words. Writers only append, with one `write` per record, so two processes
can share it.
"""

from __future__ import annotations

import importlib
import os
import re
import struct
import sys
import zlib
from array import array
from pathlib import Path
from typing import Any

_HEADER = struct.Struct("<16sII")  # digest of flags and pattern, payload length, its crc32
_FIXED = struct.Struct("<III")  # flags, number of groups, length of the group names
FORMAT = 2  # of the records
MAX_BYTES = 64 * 1024 * 1024  # stop appending beyond this: a cache, not an archive

try:  # hashlib's blake2b without hashlib's OpenSSL (~4-9 ms to import at every start)
    from _blake2 import blake2b as _blake2b
except ImportError:
    from hashlib import blake2b as _blake2b

_sre: Any
_compiler: Any
_parser: Any
try:  # CPython's regex internals, or None where they are not as expected
    _sre = importlib.import_module("_sre")
    _compiler = importlib.import_module("re._compiler")
    _parser = importlib.import_module("re._parser")
    _CODE = "I" if array("I").itemsize == _sre.CODESIZE else "L"
    TAG: str | None = f"{sys.implementation.cache_tag}-{sys.hexversion:x}-{_sre.MAGIC}-{FORMAT}"
    if array(_CODE).itemsize != _sre.CODESIZE or not callable(getattr(_compiler, "_code", None)):
        TAG = None
except (ImportError, AttributeError):  # another Python: compile as usual
    TAG = None


def text_digest(text: str) -> bytes:
    """16 bytes that tell texts apart (a blake2b hash)."""
    return _blake2b(text.encode(), digest_size=16).digest()


def _compile(pattern: str, flags: int) -> tuple[re.Pattern[str], bytes]:
    """What `re.compile` does (see re._compiler.compile), keeping the code as a payload."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groups, names = parsed.state.groups, parsed.state.groupdict
    flags |= parsed.state.flags
    compiled = _rebuilt(pattern, flags, code, groups, names)
    named = ",".join(f"{name}={index}" for name, index in names.items()).encode()
    words = array(_CODE, code).tobytes()
    return compiled, _FIXED.pack(flags, groups, len(named)) + named + zlib.compress(words, 1)


def _rebuild(pattern: str, payload: bytes) -> re.Pattern[str]:
    flags, groups, size = _FIXED.unpack_from(payload)
    named = payload[_FIXED.size : _FIXED.size + size].decode()
    names = {k: int(v) for k, _, v in (n.partition("=") for n in named.split(",") if n)}
    code = array(_CODE)
    code.frombytes(zlib.decompress(payload[_FIXED.size + size :]))
    return _rebuilt(pattern, flags, code.tolist(), groups, names)


def _rebuilt(
    pattern: str, flags: int, code: list[int], groups: int, names: dict[str, int]
) -> re.Pattern[str]:
    indexgroup: list[str | None] = [None] * groups
    for name, index in names.items():
        indexgroup[index] = name
    return _sre.compile(pattern, flags, code, groups - 1, names, tuple(indexgroup))


class RegexStore:
    """`compile(pattern)`: `re.compile`, through the file at `path` (None: no file)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if TAG is not None else None
        self._known: dict[bytes, bytes] = {}  # digest -> payload of the records read so far
        self._offset = 0  # where the next unread record starts
        self._size = -1  # the file's size when last read
        self._fd: int | None = None
        self._pid = 0
        self.loaded = 0  # regexes rebuilt from the file (for tests and benchmarks)
        self.compiled = 0  # regexes compiled here

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        if self.path is None:
            self.compiled += 1
            return re.compile(pattern, flags)
        digest = text_digest(f"{flags}:{pattern}")
        if digest not in self._known:
            self._read_new()  # another process (a parallel worker) may have compiled it
        payload = self._known.get(digest)
        if payload is not None:
            try:
                found = _rebuild(pattern, payload)
            except Exception:  # foreign or damaged code: _sre.compile validates it
                pass
            else:
                self.loaded += 1
                return found
        self.compiled += 1
        try:
            compiled, payload = _compile(pattern, flags)
        except re.error:  # a bad pattern: the error re.compile gives
            raise
        except Exception:  # internals not as expected (a later Python): compile as usual
            self.path = None
            return re.compile(pattern, flags)
        self._append(digest, payload)
        return compiled

    def _read_new(self) -> None:
        """Read the records appended since the last read, if the file has grown."""
        assert self.path is not None
        try:
            with self.path.open("rb") as file:
                size = os.fstat(file.fileno()).st_size
                if size == self._size:
                    return
                self._size = size
                file.seek(self._offset)
                data = file.read()
        except OSError:
            return
        at = 0
        while at + _HEADER.size <= len(data):
            digest, length, crc = _HEADER.unpack_from(data, at)
            payload = data[at + _HEADER.size : at + _HEADER.size + length]
            if len(payload) < length:
                break  # still being written, or torn: a later read sees how it ends
            if zlib.crc32(payload) != crc:
                self._damaged()
                return
            self._known[digest] = payload
            at += _HEADER.size + length
        self._offset += at

    def _damaged(self) -> None:
        """Nothing after a damaged record can be framed: start a new file (a writer that
        crashed mid-record leaves one; a process still appending writes to the unlinked file)."""
        assert self.path is not None
        try:
            self.path.unlink(missing_ok=True)
        except OSError:
            self.path = None
            return
        self._offset, self._size = 0, -1
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def _append(self, digest: bytes, payload: bytes) -> None:
        assert self.path is not None
        record = _HEADER.pack(digest, len(payload), zlib.crc32(payload)) + payload
        try:
            if self._fd is None or self._pid != os.getpid():  # a forked worker opens its own
                from peerjournal.paths import make_cache_folder  # (0700 in the data folder)

                make_cache_folder(self.path.parent)
                flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0)
                self._fd, self._pid = os.open(self.path, flags, 0o600), os.getpid()
            if os.fstat(self._fd).st_size + len(record) <= MAX_BYTES:
                os.write(self._fd, record)
        except OSError:
            self.path = None  # read-only, gone or full: compile in memory from now on


# The drift modules' own regexes (the matcher's cues: ~50, ~35 ms at every start), kept beside
# their bytecode as Python keeps .pyc files: where the package folder is read-only, they are
# compiled as usual.
_OWN = RegexStore(Path(__file__).with_name("__pycache__") / f"regex-{TAG}.bin")


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile`, through the store of the drift modules' own regexes."""
    return _OWN.compile(pattern, flags)
