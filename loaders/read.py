"""Files and folders in, :class:`~kbgraph.loaders.model.Article` records out.

Why this module is strict about some things and lenient about others: a policy
researcher drops a folder of scraped news on kbgraph and expects every readable
article to load, and every unreadable one to be named with the reason. So

* one bad record never loses the others: :func:`read_path` returns the articles it
  could read *and* one :class:`InputError` per problem, each naming the file and the
  line or record;
* text is decoded rather than rejected (UTF-8 with or without BOM, UTF-16 with BOM,
  cp1252/latin-1 through charset-normalizer);
* binary files (images, PDFs, archives), empty files and files over the size limit are
  refused with a message that says what they are.

``Article.text`` is the body exactly as decoded (front matter removed): every later
offset points into it. Formats: ``.txt``/``.md`` (optional ``key: value`` front
matter ending with a ``---`` line), ``.html``/``.htm`` (trafilatura), ``.jsonl``,
``.json`` and ``.csv`` (one article a record).
"""

from __future__ import annotations

import csv
import datetime as dt
import fnmatch
import functools
import hashlib
import io
import json
import logging
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Union
from urllib.parse import parse_qsl, urlencode, urlsplit

from kbgraph.errors import InputError
from kbgraph.ontology.namespaces import slugify

from .model import Article

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_CHARS",
    "KNOWN_EXTENSIONS",
    "article_id",
    "decode_bytes",
    "iter_sources",
    "real_path",
    "source_key",
    "max_bytes_limit",
    "max_chars_limit",
    "parse_date",
    "read_bytes",
    "read_path",
]

log = logging.getLogger(__name__)

PathLike = Union[str, "os.PathLike[str]"]
Result = tuple[list[Article], list[InputError]]

#: The largest file read (a JSON Lines or CSV file may hold thousands of articles).
DEFAULT_MAX_BYTES = 20_000_000
MAX_BYTES_ENV = "KBGRAPH_MAX_BYTES"
#: The longest article text extracted, in characters: a hundred times the longest news
#: article of the real corpus (about 2,000), about 30,000 words. Extraction time grows
#: faster than the length (dense synthetic text: 100,000 characters 5 s, 200,000
#: characters 22 s, 1,200,000 characters over 4 minutes), so a longer "article" is
#: refused before extraction instead of holding a worker for an hour. spaCy's own
#: ``max_length`` is raised to match (:func:`kbgraph.loaders.extract.nlp.get_nlp`).
DEFAULT_MAX_CHARS = 200_000
MAX_CHARS_ENV = "KBGRAPH_MAX_CHARS"

# Record fields, in order of preference (first non-empty wins).
TEXT_FIELDS = ("text", "body", "content")
DATE_FIELDS = ("date", "published")
# Front-matter keys kbgraph recognises, mapped to the field they fill. A block whose
# keys are not all in here is not front matter: it is the start of the body.
FRONT_MATTER_KEYS = {
    "title": "title", "judul": "title", "headline": "title",
    "date": "date", "published": "date", "tanggal": "date",
    "url": "url", "link": "url",
    "publisher": "publisher", "penerbit": "publisher", "media": "publisher",
    "source": "source", "sumber": "source",
    "author": "author", "penulis": "author", "reporter": "author", "pewarta": "author",
    "editor": "editor", "lang": "lang", "language": "lang", "bahasa": "lang",
    "tags": "tags", "category": "category", "kategori": "category", "id": "id",
}
_FM_LINE = re.compile(r"^\s*([A-Za-z][A-Za-z_-]*)\s*:\s*(.*?)\s*$")
_FM_FENCE = re.compile(r"^\s*---\s*$")
_FM_MAX_LINES = 40

# Magic numbers of files that are certainly not articles.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Microsoft Office document"),
    (b"\x7fELF", "executable program"),
    (b"SQLite format 3\x00", "SQLite database"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Project files that sit beside articles in a folder (read when named explicitly).
_NOT_ARTICLES = re.compile(r"^(README|LICEN[CS]E|CHANGELOG|CONTRIBUTING)(\.[A-Za-z]+)?$", re.IGNORECASE)


# --------------------------------------------------------------------------- sources

def iter_sources(paths: PathLike | Iterable[PathLike], *,
                 warnings: list[str] | None = None,
                 problems: list[InputError] | None = None,
                 exclude: Sequence[str] = ()) -> Iterator[Path]:
    """The readable files under ``paths`` (files and folders), in a stable order.

    Folders are walked recursively, sorted by relative path; hidden files and folders
    (``.git``) are ignored; files with an unknown extension, and README/LICENSE/CHANGELOG
    files that sit beside a corpus, are skipped with a warning (appended to ``warnings``
    when given, else logged). A file named explicitly is read whatever its name.

    Only regular files are yielded. What cannot be an article file is refused with one
    :class:`InputError` naming it (appended to ``problems`` when given, else logged): a
    FIFO, socket or device (reading one could block forever or never end), a symbolic
    link that leads out of the folder it was found in (``/etc/passwd``) or nowhere, and
    a subfolder that cannot be read. ``exclude`` holds glob patterns (``gold/*``,
    ``*.json``) matched against each file's and folder's path relative to the folder
    given and against its name; what matches is left out without a word.

    Checked eagerly, before anything is yielded, so that a build fails before it
    writes: a path that does not exist, or a folder with nothing in it to read, raises
    :class:`InputError` naming it.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    given = list(paths)
    if not given:
        raise InputError("no input paths given")

    def warn(msg: str) -> None:
        if warnings is not None:
            warnings.append(msg)
        else:
            log.warning(msg)

    refused: list[InputError] = []

    def refuse(error: InputError) -> None:
        refused.append(error)
        if problems is not None:
            problems.append(error)
        else:
            log.warning("%s", error)

    patterns = tuple(p.rstrip("/") for p in exclude if p.strip("/"))
    found: list[Path] = []
    seen: set[Path] = set()
    for raw in given:
        path = Path(raw)
        kind = _kind(path, follow=True)
        if kind == "missing":
            raise InputError("no such file or folder", source=str(raw))
        before = len(refused)
        if kind == "folder":
            files = _walk(path, warn, refuse, patterns)
            if not files and len(refused) == before:
                raise InputError(
                    f"folder has no readable files ({', '.join(sorted(KNOWN_EXTENSIONS))})",
                    source=str(raw))
        elif _excluded(path.name, path.name, patterns):
            files = []
        elif kind != "file":
            refuse(InputError(_not_regular(kind), source=str(raw)))
            files = []
        elif path.suffix.lower() in KNOWN_EXTENSIONS:
            files = [path]
        else:
            warn(f"{raw}: skipped, unknown extension {path.suffix or '(none)'!r}")
            files = []
        for f in files:
            key = real_path(f)
            if key not in seen:
                seen.add(key)
                found.append(f)
    if not found and not refused:
        raise InputError("none of the given paths is a readable file "
                         f"({', '.join(sorted(KNOWN_EXTENSIONS))})",
                         source=", ".join(str(p) for p in given))
    return iter(found)


def real_path(path: Path) -> Path:
    """``path.resolve()``, fast for many files in few folders.

    Resolving walks every component with a system call; a build of 10,000 files spent
    over a second on it. The folder is resolved once (cached) and only a file that is a
    symbolic link itself is resolved on its own.
    """
    if path.is_symlink():
        return path.resolve()
    return _real_folder(str(path.parent)) / path.name


def source_key(source: str) -> str:
    """An article source (``texts/a.jsonl#L3``) with its file as an absolute, resolved
    path: the same for every spelling of the same file (``texts/…``, ``./texts/…``,
    ``/home/…/texts/…``), so that a build's identity of an article does not depend on
    how its folder was named on the command line."""
    file = source
    fragment = ""
    if "#" in source and not os.path.lexists(source):
        file, _, rest = source.rpartition("#")
        fragment = "#" + rest
    try:
        return str(real_path(Path(os.path.abspath(file)))) + fragment
    except (OSError, RuntimeError):  # unreadable folder, symlink loop: the plain spelling
        return os.path.abspath(file) + fragment


@functools.lru_cache(maxsize=4096)
def _real_folder(folder: str) -> Path:
    return Path(folder).resolve()


def _kind(path: Path, *, follow: bool) -> str:
    """"file", "folder", "missing", "unreadable" or the special kind ("FIFO", ...)."""
    try:
        st = os.stat(path) if follow else os.lstat(path)
    except FileNotFoundError:
        return "missing"
    except NotADirectoryError:
        return "missing"
    except OSError:
        return "unreadable"
    return next((name for test, name in _FILE_KINDS if test(st.st_mode)), "special file")


_FILE_KINDS = ((stat.S_ISREG, "file"), (stat.S_ISDIR, "folder"), (stat.S_ISLNK, "link"),
               (stat.S_ISFIFO, "FIFO (named pipe)"), (stat.S_ISSOCK, "socket"),
               (stat.S_ISCHR, "device"), (stat.S_ISBLK, "device"))


def _not_regular(kind: str) -> str:
    if kind == "unreadable":
        return "cannot be read (permission denied)"
    return f"is a {kind}, not a regular file; not read"


def _excluded(rel: str, name: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatchcase(rel, p) or fnmatch.fnmatchcase(name, p) for p in patterns)


def _walk(folder: Path, warn: Callable[[str], None], refuse: Callable[[InputError], None],
          patterns: tuple[str, ...] = ()) -> list[Path]:
    """Readable regular files below ``folder``, sorted by relative POSIX path."""
    out: list[tuple[str, Path]] = []
    root_real = real_path(folder) if not folder.is_symlink() else folder.resolve()

    def unreadable(exc: OSError) -> None:
        where = exc.filename or str(folder)
        refuse(InputError(f"folder cannot be read ({exc.strerror or exc}); the files in it "
                          "were not loaded", source=str(where)))

    for root, dirs, files in os.walk(folder, onerror=unreadable, followlinks=False):
        here = Path(root)
        keep = []
        for d in sorted(dirs):
            p = here / d
            rel = p.relative_to(folder).as_posix()
            if d.startswith(".") or _excluded(rel, d, patterns):
                continue
            if p.is_symlink():
                warn(f"{p}: skipped, a symbolic link to a folder is not followed")
                continue
            keep.append(d)
        dirs[:] = keep
        for name in files:
            if name.startswith("."):
                continue
            p = here / name
            rel = p.relative_to(folder).as_posix()
            if _excluded(rel, name, patterns):
                continue
            if _NOT_ARTICLES.match(name):
                warn(f"{p}: skipped, a {name.split('.')[0].upper()} file is not an article")
                continue
            if p.suffix.lower() not in KNOWN_EXTENSIONS:
                warn(f"{p}: skipped, unknown extension {p.suffix or '(none)'!r}")
                continue
            problem = _refusal(p, root_real)
            if problem:
                refuse(InputError(problem, source=str(p)))
            else:
                out.append((rel, p))
    return [p for _, p in sorted(out)]


def _refusal(path: Path, root_real: Path) -> str | None:
    """Why a file found in a folder walk is not read, or None: it is a regular file
    (or a symbolic link to one inside the folder)."""
    kind = _kind(path, follow=False)
    if kind == "link":
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            return "is a symbolic link that leads nowhere; not read"
        if not target.is_relative_to(root_real):
            return f"is a symbolic link to {target}, outside the folder; not read"
        kind = _kind(target, follow=False)
    if kind == "file":
        return None
    return _not_regular(kind)


# --------------------------------------------------------------------------- reading

def max_bytes_limit(max_bytes: int | None = None) -> int:
    """The file size limit: ``max_bytes`` if given, else ``$KBGRAPH_MAX_BYTES``, else 20 MB."""
    return _limit(max_bytes, MAX_BYTES_ENV, DEFAULT_MAX_BYTES, "bytes")


def max_chars_limit(max_chars: int | None = None) -> int:
    """The article length limit: ``max_chars`` if given, else ``$KBGRAPH_MAX_CHARS``,
    else 200,000 characters (see :data:`DEFAULT_MAX_CHARS`)."""
    return _limit(max_chars, MAX_CHARS_ENV, DEFAULT_MAX_CHARS, "characters")


def _limit(value: int | None, env_name: str, default: int, unit: str) -> int:
    if value is not None:
        return int(value)
    env = os.environ.get(env_name, "").strip()
    if not env:
        return default
    try:
        number = int(env.replace("_", ""))
    except ValueError:
        raise InputError(f"{env_name} must be a whole number of {unit}, got {env!r}") from None
    if number <= 0:
        raise InputError(f"{env_name} must be positive, got {env!r}")
    return number


def read_path(path: PathLike, *, max_bytes: int | None = None) -> Result:
    """Read one file into articles, and the errors of the records that could not be read.

    Never raises :class:`InputError` for the file's content: a file that cannot be read
    at all gives ``([], [error])``; a JSONL/JSON/CSV file with some bad records gives
    the good articles and one error per bad record. Only a regular file is read, and
    never more than the size limit: a FIFO or a device (``/dev/zero``) is refused
    without blocking, a file that grows while it is read is refused at the limit.
    """
    source = str(path)
    try:
        limit = max_bytes_limit(max_bytes)
        data = _read_bounded(Path(path), limit, source)
        return read_bytes(data, source, ext=Path(path).suffix, max_bytes=limit)
    except InputError as exc:
        return [], [exc]


def _read_bounded(p: Path, limit: int, source: str) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, else InputError.

    The file is checked by ``stat`` before it is opened (a device is not even opened),
    opened non-blocking (a FIFO swapped in meanwhile cannot block) and checked again on
    the open descriptor, then read in bounded chunks.
    """
    kind = _kind(p, follow=True)
    if kind == "missing":
        raise InputError("no such file", source=source)
    if kind == "folder":
        raise InputError("is a folder, not a file (use iter_sources for folders)", source=source)
    if kind != "file":
        raise InputError(_not_regular(kind), source=source)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(p, flags)
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror or exc}", source=source) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise InputError("is not a regular file; not read", source=source)
        _check_size(st.st_size, limit, source)
        chunks: list[bytes] = []
        got = 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - got))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
            if got > limit:
                raise InputError(f"grew past the limit of {limit:,} bytes while it was read",
                                 source=source)
        return b"".join(chunks)
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror or exc}", source=source) from None
    finally:
        os.close(fd)


def read_bytes(data: bytes, source: str, *, ext: str, max_bytes: int | None = None) -> Result:
    """Like :func:`read_path` for bytes already in memory; ``ext`` picks the format."""
    try:
        ext = ext.lower() if ext.startswith(".") else "." + ext.lower()
        _check_size(len(data), max_bytes_limit(max_bytes), source)
        text = decode_bytes(data, source)  # first: "is binary (PNG image)" says more
        parse = _PARSERS.get(ext)
        if parse is None:
            raise InputError(f"unknown extension {ext!r}; kbgraph reads "
                             f"{', '.join(sorted(KNOWN_EXTENSIONS))}", source=source)
        return parse(text, data, source)
    except InputError as exc:
        return [], [exc]


def _check_size(size: int, limit: int, source: str) -> None:
    if size > limit:
        raise InputError(
            f"is {size:,} bytes, more than the limit of {limit:,} bytes", source=source,
            hint=f"raise it with {MAX_BYTES_ENV}=<bytes> in the environment")


def decode_bytes(data: bytes, source: str = "<bytes>") -> str:
    """Decode a file's bytes to text, or raise :class:`InputError` if it is not text.

    Order: empty → known binary signatures → BOM (UTF-8/16/32) → NUL bytes (binary) →
    strict UTF-8 → a legacy 8-bit encoding. For the last step charset-normalizer lists
    the plausible encodings; cp1252 is preferred whenever it is among them and decodes
    cleanly, because articles are Latin-script and short texts fool statistical
    detection (a cp1252 "é" is otherwise read as cp1250 or Mac Latin-2).
    """
    if not data or not data.strip():
        raise InputError("is empty", source=source)
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"is binary ({what}), not an article", source=source)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        raise InputError("is binary (WebP image), not an article", source=source)
    text: str | None = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                raise InputError(f"starts with a {encoding.upper()} byte-order mark but is "
                                 "not valid in that encoding", source=source) from None
            break
    if text is None:
        if b"\x00" in data:
            raise InputError("is binary (contains NUL bytes), not an article", source=source)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_legacy(data, source)
    if not text.strip():
        raise InputError("is empty", source=source)
    controls = len(_CONTROL.findall(text))
    if "\x00" in text or controls > max(2, len(text) // 100):
        raise InputError("is binary (control characters), not an article", source=source)
    return text


def _decode_legacy(data: bytes, source: str) -> str:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise InputError("is binary (not decodable as text), not an article", source=source)
    if any(m.encoding == "cp1252" or "cp1252" in m.could_be_from_charset for m in matches):
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    best = matches[0]  # charset-normalizer sorts its matches best first
    return str(best)


# --------------------------------------------------------------------------- formats

def _read_text(text: str, data: bytes, source: str) -> Result:
    """``.txt``/``.md``: optional front matter, then the body."""
    fields, body_start = _front_matter(text)
    body = text[body_start:]
    if not body.strip():
        what = "has front matter but no body text" if fields else "is empty"
        return [], [InputError(what, source=source)]
    article = _make_article(body, source, fields, hashlib.sha256(data).hexdigest())
    return [article], []


def _front_matter(text: str) -> tuple[dict[str, str], int]:
    """Front-matter fields and the offset where the body starts (0: no front matter).

    Accepted shapes: ``key: value`` lines then a ``---`` line, or the same between two
    ``---`` lines at the very top. Every non-blank line of the block must be a
    ``key: value`` line with a key of :data:`FRONT_MATTER_KEYS`; otherwise the file has
    no front matter and all of it is body (a body may well contain ``---``).
    """
    lines = text.splitlines(keepends=True)
    pos = 0
    start = 0
    if lines and _FM_FENCE.match(lines[0]):
        pos = len(lines[0])
        start = 1
    fields: dict[str, str] = {}
    for line in lines[start:start + _FM_MAX_LINES]:
        if _FM_FENCE.match(line):
            if not fields:
                return {}, 0
            return fields, pos + len(line)
        pos += len(line)
        if not line.strip():
            continue
        m = _FM_LINE.match(line)
        if not m or m.group(1).lower() not in FRONT_MATTER_KEYS:
            return {}, 0
        key = FRONT_MATTER_KEYS[m.group(1).lower()]
        fields.setdefault(key, _unquote(m.group(2)))
    return {}, 0


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


#: An HTML page whose main text has fewer words than this is navigation, not an article.
MIN_HTML_WORDS = 5


def _read_html(text: str, data: bytes, source: str) -> Result:
    """``.html``/``.htm``: main text and metadata by trafilatura.

    trafilatura parses with lxml's HTML parser, which neither loads DTDs nor expands
    external entities (no XXE; tested). ``favor_precision`` makes a page that has only
    navigation and footers come back empty instead of as a list of menu items.
    """
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(text, with_metadata=True, favor_precision=True,
                                          include_comments=False)
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
        return [], [InputError(f"cannot be parsed as HTML ({type(exc).__name__}: {exc})",
                               source=source)]
    if _html_too_deep(text):
        return [], [InputError(
            f"elements nested more than {_HTML_MAX_DEPTH} deep, more than the HTML parser reads "
            "(lxml): the text inside them would be lost", source=source)]
    body = (getattr(doc, "text", None) or "") if doc is not None else ""
    # fewer words than a headline: what is left is a menu item or a footer, not an article
    if len(re.findall(r"[^\W\d_]{2,}", body)) < MIN_HTML_WORDS:
        return [], [InputError("has no article text (only navigation or markup)", source=source)]
    title = (getattr(doc, "title", None) or "").strip() or None
    if title:
        first, _, rest = body.partition("\n")
        if " ".join(first.split()) == " ".join(title.split()) and rest.strip():
            body = rest  # the headline repeated as the first line is not body
    fields = {k: v for k, v in (("title", title), ("date", getattr(doc, "date", None)),
                                ("url", getattr(doc, "url", None)),
                                ("publisher", getattr(doc, "sitename", None))) if v}
    return [_make_article(body, source, fields, hashlib.sha256(data).hexdigest())], []


#: libxml2's HTML parser stops descending at this depth without XML_PARSE_HUGE (which
#: would lift other limits too) and drops what lies deeper.
_HTML_MAX_DEPTH = 255


def _html_too_deep(text: str) -> bool:
    """True when libxml2 (lxml) reports its nesting limit on this page."""
    if text.count("<") <= _HTML_MAX_DEPTH:  # fewer tags than levels: cannot be that deep
        return False
    from lxml import etree

    parser = etree.HTMLParser(no_network=True, encoding="utf-8")
    try:
        etree.fromstring(text.encode("utf-8", "replace"), parser)
    except (etree.LxmlError, ValueError):
        pass
    return any("depth" in e.message.lower() and e.type_name == "ERR_RESOURCE_LIMIT"
               for e in parser.error_log)


def _read_jsonl(text: str, data: bytes, source: str) -> Result:
    """``.jsonl``: one JSON object a line; a broken line is one error, the rest load."""
    return _collect(_jsonl_records(text, source), source, "is empty")


def _jsonl_records(text: str, source: str) -> Iterator[_Record]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(f"line {number}: not valid JSON: {exc.msg} (column {exc.colno})",
                             source=source)
            continue
        except RecursionError:
            yield InputError(f"line {number}: {_TOO_DEEP}", source=source)
            continue
        yield record, f"line {number}", f"#L{number}", line.strip().encode("utf-8")


#: Python's JSON parser recurses once per nesting level and stops near a thousand; an
#: article record is two or three levels deep.
_TOO_DEEP = "JSON nested too deeply (arrays or objects inside each other hundreds of times)"


def _read_json(text: str, data: bytes, source: str) -> Result:
    """``.json``: one object (one article) or a list of objects."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        return [], [InputError(f"not valid JSON: {exc.msg} (line {exc.lineno}, column "
                               f"{exc.colno})", source=source)]
    except RecursionError:
        return [], [InputError(_TOO_DEEP, source=source)]
    if isinstance(value, dict):
        return _collect([(value, "the object", "", data)], source, "is empty")
    if not isinstance(value, list):
        return [], [InputError(f"expected a JSON object or a list of objects, got "
                               f"{_json_type(value)}", source=source)]
    records = ((record, f"record {n}", f"#{n}", _canonical(record))
               for n, record in enumerate(value, start=1))
    return _collect(records, source, "holds an empty list, no articles")


def _read_csv(text: str, data: bytes, source: str) -> Result:
    """``.csv``: a header row, then one article a row; the delimiter is sniffed."""
    limit = max(csv.field_size_limit(), len(text) + 1)
    csv.field_size_limit(min(limit, 2**31 - 1))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text))
    try:
        header = next(reader)
    except StopIteration:
        return [], [InputError("is empty", source=source)]
    except csv.Error as exc:
        return [], [InputError(f"line 1: not valid CSV ({exc})", source=source)]
    names = [h.strip().lstrip("\ufeff").lower() for h in header]
    if not any(n in TEXT_FIELDS for n in names):
        found = ", ".join(n for n in names if n) or "(none)"
        return [], [InputError(f"header has no text column (text, body or content); "
                               f"columns found: {found}", source=source)]
    return _collect(_csv_records(reader, names, source), source, "has a header but no records")


def _csv_records(reader, names: list[str], source: str) -> Iterator[_Record]:
    number = 0
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield InputError(f"line {line}: not valid CSV ({exc})", source=source)
            return
        if not any(cell.strip() for cell in row):
            continue
        number += 1
        where = f"record {number} (line {line})"
        if len(row) != len(names):
            yield InputError(f"{where}: has {len(row)} fields, the header has {len(names)}",
                             source=source)
            continue
        record = {n: v for n, v in zip(names, row) if n}
        yield record, where, f"#{number}", _canonical(record)


# A record to read: (record, "line 3"/"record 3", source suffix "#L3"/"#3", its bytes to
# hash), or the error that stopped it from being a record.
_Record = InputError | tuple[object, str, str, bytes]


def _collect(records: Iterable[_Record], source: str, empty: str) -> Result:
    """Articles from the records, one error per bad record; ``empty`` if there were none."""
    articles: list[Article] = []
    errors: list[InputError] = []
    for item in records:
        if isinstance(item, InputError):
            errors.append(item)
            continue
        record, where, suffix, raw = item
        try:
            articles.append(_record_article(record, source, where, suffix, raw))
        except InputError as exc:
            errors.append(exc)
    if not articles and not errors:
        errors.append(InputError(empty, source=source))
    return articles, errors


def _canonical(record: object) -> bytes:
    """The bytes hashed for a record that has no bytes of its own (JSON list, CSV row)."""
    return json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8")


def _sniff_delimiter(text: str) -> str:
    """One of ``, ; TAB |``: csv.Sniffer on a sample, else the commonest in the header."""
    sample = text[:65536]
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        header = sample.split("\n", 1)[0]
        counts = {d: header.count(d) for d in ",;\t|"}
        best = max(counts, key=lambda d: (counts[d], d == ","))
        return best if counts[best] else ","


#: Keys of kbgraph's gold files (the dev corpus's and the seed's formats): a record with two
#: of them and no text is an annotation that landed in a corpus folder, a common slip.
_ANNOTATION_KEYS = frozenset({"entities", "facts", "meetings", "statements", "people"})


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean",
             int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def _record_article(record: object, source: str, where: str, suffix: str, raw: bytes) -> Article:
    """An article from one JSON/CSV record; raises InputError naming file and record."""
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object, got {_json_type(record)}", source=source)
    lower: dict[str, object] = {}
    for key, value in record.items():
        lower.setdefault(str(key).strip().lower(), value)
    present = [f for f in TEXT_FIELDS if f in lower]
    if not present:
        found = ", ".join(sorted(str(k) for k in record)) or "(none)"
        hint = ""
        if len(_ANNOTATION_KEYS & lower.keys()) >= 2:
            hint = ("; it looks like a gold annotation, not an article: keep gold files out of "
                    "the folder you build (`kbgraph evaluate TEXTS GOLD` reads them)")
        raise InputError(f"{where}: no text field (text, body or content); fields found: {found}"
                         f"{hint}", source=source)
    text = next((lower[f] for f in present if isinstance(lower[f], str) and lower[f].strip()), None)
    if text is None:
        bad = lower[present[0]]
        what = "is empty" if isinstance(bad, str) else f"is {_json_type(bad)}, not text"
        raise InputError(f"{where}: the {present[0]!r} field {what}", source=source)
    fields: dict[str, str] = {}
    for name, keys in (("title", ("title",)), ("date", DATE_FIELDS), ("url", ("url",)),
                       ("publisher", ("publisher",)), ("source", ("source",))):
        for key in keys:
            value = lower.get(key)
            if value is not None and not isinstance(value, (dict, list)) and str(value).strip():
                fields[name] = str(value).strip()
                break
    return _make_article(str(text), source + suffix, fields, hashlib.sha256(raw).hexdigest())


def _make_article(body: str, source: str, fields: dict[str, str], content_hash: str) -> Article:
    """Build the Article: id, parsed date, the rest of the fields into ``meta``.

    Raises :class:`InputError` for a text longer than :func:`max_chars_limit`."""
    limit = max_chars_limit()
    if len(body) > limit:
        raise InputError(
            f"the article text is {len(body):,} characters, more than the limit of {limit:,}",
            source=source, hint=f"raise it with {MAX_CHARS_ENV}=<characters> in the environment")
    url = fields.get("url") or None
    raw_date = fields.get("date") or None
    meta = tuple(sorted((k, v) for k, v in fields.items()
                        if k not in ("title", "date", "url", "publisher")))
    return Article(
        id=article_id(url, body),
        text=body,
        source=source,
        title=fields.get("title") or None,
        url=url,
        published=parse_date(raw_date) if raw_date else None,
        published_raw=raw_date,
        publisher=fields.get("publisher") or None,
        content_hash=content_hash,
        meta=meta,
    )


_PARSERS: dict[str, Callable[[str, bytes, str], Result]] = {
    ".txt": _read_text, ".md": _read_text, ".html": _read_html, ".htm": _read_html,
    ".jsonl": _read_jsonl, ".json": _read_json, ".csv": _read_csv,
}
KNOWN_EXTENSIONS = frozenset(_PARSERS)


# --------------------------------------------------------------------------- ids, dates

_TRACKING = re.compile(r"^(utm_.*|fbclid|gclid|mc_cid|mc_eid|ref|amp)$", re.IGNORECASE)


def article_id(url: str | None, text: str) -> str:
    """A stable id: the slug of the url's host + path (+ query without tracking
    parameters; ``www.`` dropped), at most 80 characters with a hash suffix when longer;
    without a usable url, ``"sha-"`` + 16 hex digits of the SHA-256 of the text."""
    if url and url.strip():
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").removeprefix("www.")
        key = host + parts.path.rstrip("/")
        query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                 if not _TRACKING.match(k)]
        if query:
            key += "?" + urlencode(query)
        if re.search(r"[A-Za-z0-9]", key):
            return slugify(key, max_len=80)
    return "sha-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])")
_DMY_DATE = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)")
_DATEPARSER_SETTINGS = {
    # absolute dates only: "kemarin", "2 hari lalu" or a bare "November" give None
    "PARSERS": ["custom-formats", "absolute-time"],
    "STRICT_PARSING": True,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "DATE_ORDER": "DMY",
    "RETURN_AS_TIMEZONE_AWARE": False,
}


def parse_date(raw: str | None) -> dt.date | None:
    """A publication date from the forms news sites write, or None.

    ISO (``2019-11-26``, ``2019-11-26T14:05:00+07:00``), Indonesian day-first numeric
    (``Selasa, 26/11/2019 14:05 WIB``), then dateparser in Indonesian and English
    (``26 November 2019``, ``Kamis, 13 Feb 2020``) with settings that refuse relative
    and incomplete dates: a date that cannot be pinned to a day is None, never a guess.
    """
    if not raw or not raw.strip():
        return None
    raw = raw.strip()
    m = _ISO_DATE.match(raw)
    if m:
        return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _DMY_DATE.search(raw)
    if m:
        found = _safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if found:
            return found
    if len(raw) > 200:
        return None
    try:
        import dateparser

        parsed = dateparser.parse(raw, languages=["id", "en"], settings=_DATEPARSER_SETTINGS)
    except Exception:  # dateparser raises assorted errors on odd input; a date is optional
        return None
    return parsed.date() if parsed else None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
