"""Size limits for what editors and strangers send, in one place.

Every file in plans/ and data/ and every imported file is untrusted: a pull
request from a fork can hold anything. Each limit is far above any real
document (the seed plan is 11 KB with a 2 KB front matter, the registry 4 KB,
a signed Word file a few hundred KB) and is checked before the costly work
starts, so a hostile file is refused in a moment instead of taking minutes
and gigabytes. The editors' guide (docs/huong-dan-bien-tap.md, “Giới hạn kích
thước”) lists the same figures; a test keeps the two in step.
"""

from __future__ import annotations

KB = 1024
MB = 1024 * KB

DOCUMENT_BYTES = 4 * MB  # one document file in plans/ (a whole law code is under 2 MB)
FRONT_MATTER_BYTES = 256 * KB  # the block between the two --- lines
YAML_DEPTH = 20  # lists and mappings inside each other (the schema needs 3)
REGISTRY_BYTES = 4 * MB  # data/registry.yml (20,000 entries; read in about 5 s a MB at worst)

# A Word file: its text (word/document.xml) is a few hundred KB for a long
# plan; mammoth needs about 30 bytes of memory and a second for each MB of it.
DOCX_BYTES = 32 * MB  # a .docx as sent, images included
DOCX_PART_BYTES = 16 * MB  # one part of it unpacked (word/document.xml, an image…)
DOCX_TOTAL_BYTES = 64 * MB  # every part unpacked, together
DOCX_RATIO = 500  # unpacked ÷ packed, for a part above DOCX_RATIO_FROM; Word's XML packs 10–200×
DOCX_RATIO_FROM = 1 * MB
DOCX_DIRECTORY_BYTES = 1 * MB  # the archive's table of contents (a few KB in a real file)
IMPORT_TEXT_BYTES = DOCUMENT_BYTES  # a .md or .txt given to `vanban import`


def size(count: int) -> str:
    """A size as an editor reads it: 4 MB, 256 KB, 1,5 MB (decimal comma)."""
    for unit, name in ((MB, "MB"), (KB, "KB")):
        if count >= unit:
            value = f"{count / unit:.1f}".rstrip("0").rstrip(".")
            return f"{value.replace('.', ',')} {name}"
    return f"{count} byte"
