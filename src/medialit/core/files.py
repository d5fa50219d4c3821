"""Reading and writing the files people give medialit, safely.

Every input is looked at before it is read: it must be a regular file (not a folder, a named pipe,
a device or a link that loops) and no bigger than the limit for its kind, and it is read through
the one open file that was checked, never more than the limit. Every output is written to a
temporary file beside it and renamed into place, so a failure never leaves half a file, and an
existing file is replaced only when the caller says so.

Problems carry these codes, in the order they are checked: `missing`, `not-a-file`, `unreadable`,
`too-big`, `not-utf8` (and `exists` or `cannot-write` when writing).
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .contract import MAX_HANDIN_BYTES, ZIP_SIGNATURE
from .errors import InputError

MB = 1024 * 1024


@dataclass(frozen=True)
class Kind:
    """What a file is for: its name in messages, its size limit, and how to find the right one."""

    noun: str
    limit: int
    choose: str  # the fix when the file is the wrong thing altogether


HANDIN = Kind("hand-in file", MAX_HANDIN_BYTES, "choose the .json file that Download hand-in saved.")
EXERCISE = Kind("exercise file", 2 * MB, "give the exercise's .yml file (the formats page shows one).")
ARTICLE = Kind("article file", 2 * MB, "give the article as a UTF-8 text file (.txt).")
FILE_TYPES = {
    stat.S_IFDIR: "a folder",
    stat.S_IFIFO: "a named pipe",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFSOCK: "a socket",
}


def _refuse(path, code: str, problem: str, fix: str, place: str = "") -> InputError:
    return InputError(str(path), place, problem, fix, code)


def _not_a_file(path, mode: int, kind: Kind) -> InputError:
    what = FILE_TYPES.get(stat.S_IFMT(mode), "not a regular file")
    article = "an" if kind.noun[0] in "aeiou" else "a"
    return _refuse(path, "not-a-file", f"this is {what}, not {article} {kind.noun}.", kind.choose)


def _os_problem(path, err: OSError, kind: Kind) -> InputError:
    """The message for a file that cannot even be looked at."""
    if isinstance(err, FileNotFoundError):
        return _refuse(path, "missing", f"the {kind.noun} does not exist.", "check the path.")
    if err.errno == errno.ELOOP:
        return _refuse(path, "not-a-file", "this is a link that points at itself (a link loop).", kind.choose)
    if err.errno == errno.ENAMETOOLONG:
        return _refuse(path, "missing", "the file name is too long for this computer.", "check the path.")
    if err.errno == errno.ENOTDIR:
        return _refuse(path, "missing", "a part of the path is a file, not a folder.", "check the path.")
    reason = err.strerror or str(err)
    error = _refuse(path, "unreadable", f"the {kind.noun} cannot be read ({reason}).", reading_fix("file"))
    error.message_args = {"reason": reason}
    return error


def reading_fix(what: str) -> str:
    """What to do about a file or folder this account may not read, in the words of this computer's system."""
    if sys.platform == "win32":
        how = f"right-click the {what}, choose Properties, then Security, and allow Read for your account"
    elif sys.platform == "darwin":
        how = f"select the {what} in the Finder, choose File > Get Info, and under Sharing & Permissions allow Read"
    else:
        how = f"chmod -R u+rX on the {what}, or ask whoever owns it" if what == "folder" else f"chmod u+r on the {what}"
    return f"let your account read it ({how}), or copy it again from where it came; then try again."


def read_bytes(path: str | Path, kind: Kind) -> bytes:
    """The file's bytes, once it is known to be a regular file within `kind.limit`."""
    try:
        before = os.stat(path)
    except OSError as err:
        raise _os_problem(path, err, kind) from None
    except ValueError:  # a NUL character in the name
        raise _refuse(
            path, "missing", "the file name holds a character no file name can hold.", "check the path."
        ) from None
    if not stat.S_ISREG(before.st_mode):
        raise _not_a_file(path, before.st_mode, kind)
    if before.st_size > kind.limit:  # before opening: a file too big is refused so even when it may not be read
        raise _too_big(path, before.st_size, kind)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)  # non-blocking: if a named pipe was swapped in, opening does not wait
    except OSError as err:
        raise _os_problem(path, err, kind) from None
    with os.fdopen(fd, "rb") as file:
        opened = os.fstat(file.fileno())
        if not stat.S_ISREG(opened.st_mode):
            raise _not_a_file(path, opened.st_mode, kind)
        if opened.st_size > kind.limit:
            raise _too_big(path, opened.st_size, kind)
        # as much as the file says it holds, and one byte more: asking for the whole limit at once would make
        # room for it first (a hand-in may be 5 MB, most are 15 kB); the rest comes only if the file grew
        data = file.read(opened.st_size + 1)
        if len(data) > opened.st_size:
            data += file.read(kind.limit + 1 - len(data))
    if len(data) > kind.limit:
        raise _too_big(path, len(data), kind)
    return data


def megabytes(size: int) -> str:
    """A file's size in megabytes as a message gives it, rounded up to a tenth (so that a file over a
    limit never reads as the limit itself); the page's JavaScript has the same rule (core/handin.js)."""
    tenths = -(-size * 10 // MB)
    return f"{tenths // 10}.{tenths % 10}"


def _too_big(path, size: int, kind: Kind) -> InputError:
    article = "an" if kind.noun[0] in "aeiou" else "a"
    size_mb, limit_mb = megabytes(size), kind.limit // MB
    error = _refuse(
        path, "too-big", f"the file is {size_mb} MB; {article} {kind.noun} is at most {limit_mb} MB.", kind.choose
    )
    error.message_args = {"size_mb": size_mb, "limit_mb": limit_mb}
    return error


def decode_utf8(data: bytes, path, kind: Kind) -> str:
    """UTF-8 text (a byte-order mark is dropped), or a message naming the first line that is not."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        # the decoder counts from after the byte-order mark it dropped
        line = data[: err.start + (3 * data.startswith(codecs.BOM_UTF8))].count(b"\n") + 1
        raise _refuse(
            path,
            "not-utf8",
            f"the {kind.noun} is not UTF-8 text.",
            "save it as plain text in UTF-8 (most editors offer this under 'Save as'; a word-processor document, "
            "such as .docx, is not plain text).",
            f"line {line}",
        ) from None


def read_text(path: str | Path, kind: Kind) -> str:
    return decode_utf8(read_bytes(path, kind), path, kind)


def inside(folder: Path, name: str, file: str, place: str, what: str) -> Path:
    """`folder / name`, refused unless it stays inside `folder`: no absolute path, no `..` out of
    it, no link that leads out of it (an exercise shared as a folder must not read other files)."""
    candidate = folder / name
    try:
        home = os.path.realpath(folder)
        real = os.path.realpath(candidate)
    except (OSError, ValueError):
        real, home = "", "/"
    if Path(name).is_absolute() or not real or os.path.commonpath([home, real]) != home:
        raise _refuse(
            file,
            "outside-folder",
            f"the {what} `{name}` is outside the exercise's folder.",
            f"put the {what} in the folder of the exercise file (or below it) and give its name "
            "relative to the exercise file.",
            place,
        )
    return candidate


def exists(path: str | Path) -> bool:
    """Whether anything (a file, a folder, a link, even a broken one) has this name; False for a name
    that cannot be looked at (too long, say): writing it then fails with its own message."""
    try:
        os.lstat(path)
    except (OSError, ValueError):
        return False
    return True


def is_folder(path: str | Path) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def is_zip(path: str | Path) -> bool:
    """Whether `path` is a regular file that starts as a zip file does (a named pipe is not opened)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with open(path, "rb") as file:
            return file.read(len(ZIP_SIGNATURE)) == ZIP_SIGNATURE
    except (OSError, ValueError):
        return False


def write_file(
    path: str | Path,
    data: str | bytes,
    replace: bool = True,
    fix: str = "choose another place, in a folder you can write to.",
) -> Path:
    """Write `data` to a temporary file beside `path`, then rename it into place.

    With `replace=False` an existing file is refused (code `exists`) and nothing is written."""
    path = Path(path)
    if not replace and exists(path):
        raise _refuse(
            path,
            "exists",
            "this file already exists; nothing was written.",
            "choose another name, or add --force to replace it.",
        )
    payload = data.encode("utf-8") if isinstance(data, str) else data
    tmp = None
    try:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except (FileExistsError, NotADirectoryError):
            raise _refuse(path, "cannot-write", "a part of the path is a file, not a folder.", fix) from None
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".medialit-", suffix=".tmp")
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; the result is an ordinary file
        with os.fdopen(fd, "wb") as file:
            file.write(payload)
        os.replace(tmp, path)
        tmp = None
    except OSError as err:
        raise _refuse(path, "cannot-write", f"the file cannot be written ({err.strerror or err}).", fix) from None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
    return path


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
