"""Joins many PDFs into one while writing as it goes, so memory stays flat.

pypdf's ``PdfWriter`` keeps every page it is given until ``write()``; for a
thousand certificates that is hundreds of megabytes of Python objects. Here
pypdf only *reads*: each certificate's page objects (content, fonts, images)
are renumbered and written to the output at once, then dropped. What remains
in memory is a list of byte offsets and page numbers. The stored files are
copied, never re-encoded, so each printed page is exactly the issued one.
"""

from typing import BinaryIO

from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NumberObject,
    StreamObject,
)

# Page attributes a page may inherit from its parent /Pages node; a copied
# page leaves its old tree behind, so it gets them itself.
INHERITABLE = ("/Resources", "/MediaBox", "/CropBox", "/Rotate")
PAGES_NUMBER, CATALOG_NUMBER = 1, 2


class PdfConcatenator:
    """Append documents with :meth:`add`, then :meth:`close` to finish the file."""

    def __init__(self, out: BinaryIO):
        self._out = out
        self._position = 0
        self._offsets: dict[int, int] = {}
        self._next_number = CATALOG_NUMBER + 1
        self._kids: list[IndirectObject] = []
        self._pages_ref = IndirectObject(PAGES_NUMBER, 0, None)
        self._write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")

    @property
    def page_count(self) -> int:
        return len(self._kids)

    def add(self, document: BinaryIO) -> int:
        """Copies every page of ``document``; returns how many pages it had."""
        reader = PdfReader(document)
        numbers: dict[tuple[int, int], int] = {}
        queue: list[IndirectObject] = []

        def renumber(reference: IndirectObject) -> IndirectObject:
            key = (reference.idnum, reference.generation)
            if key not in numbers:
                target = reference.get_object()
                if (
                    isinstance(target, DictionaryObject)
                    and target.get("/Type") == "/Pages"
                ):
                    return self._pages_ref  # never drag the old page tree along
                numbers[key] = self._new_number()
                queue.append(reference)
            return IndirectObject(numbers[key], 0, None)

        def copy(value, *, skip=()):
            if isinstance(value, IndirectObject):
                return renumber(value)
            if isinstance(value, DictionaryObject):
                new = StreamObject() if isinstance(value, StreamObject) else None
                if new is not None:
                    new._data = value._data  # the encoded bytes, as stored
                else:
                    new = DictionaryObject()
                for key, item in dict.items(value):
                    if key not in skip:
                        new[key] = copy(item)
                return new
            if isinstance(value, ArrayObject):
                return ArrayObject(copy(item) for item in list.__iter__(value))
            return value

        pages = reader.pages
        for page in pages:
            self._kids.append(renumber(page.indirect_reference))
        page_keys = {
            (p.indirect_reference.idnum, p.indirect_reference.generation) for p in pages
        }
        while queue:
            reference = queue.pop()
            key = (reference.idnum, reference.generation)
            source = reference.get_object()
            if key in page_keys:
                new = copy(source, skip=("/Parent",))
                for name in INHERITABLE:
                    if name not in new and (inherited := _inherited(source, name)):
                        new[NameObject(name)] = copy(inherited)
                new[NameObject("/Parent")] = self._pages_ref
            else:
                new = copy(source)
            self._write_object(numbers[key], new)
        return len(pages)

    def close(self) -> None:
        """Writes the page tree, the catalogue, the cross-reference table and trailer."""
        pages = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Pages"),
                NameObject("/Kids"): ArrayObject(self._kids),
                NameObject("/Count"): NumberObject(len(self._kids)),
            }
        )
        self._write_object(PAGES_NUMBER, pages)
        catalog = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Catalog"),
                NameObject("/Pages"): self._pages_ref,
            }
        )
        self._write_object(CATALOG_NUMBER, catalog)
        xref_at = self._position
        size = self._next_number
        lines = [f"xref\n0 {size}\n", "0000000000 65535 f \n"]
        lines += [f"{self._offsets[n]:010d} 00000 n \n" for n in range(1, size)]
        lines.append(
            f"trailer\n<< /Size {size} /Root {CATALOG_NUMBER} 0 R >>\n"
            f"startxref\n{xref_at}\n%%EOF\n"
        )
        self._write("".join(lines).encode("ascii"))

    def _new_number(self) -> int:
        number = self._next_number
        self._next_number += 1
        return number

    def _write_object(self, number: int, value) -> None:
        self._offsets[number] = self._position
        self._write(f"{number} 0 obj\n".encode("ascii"))
        counter = _Counting(self._out)
        value.write_to_stream(counter)
        self._position += counter.written
        self._write(b"\nendobj\n")

    def _write(self, data: bytes) -> None:
        self._out.write(data)
        self._position += len(data)


def _inherited(page: DictionaryObject, name: str):
    node = page.get("/Parent")
    while node is not None:
        node = node.get_object()
        if name in node:
            return dict.__getitem__(node, name)
        node = node.get("/Parent")
    return None


class _Counting:
    """Passes writes on and counts the bytes, for the cross-reference offsets."""

    def __init__(self, out: BinaryIO):
        self._out = out
        self.written = 0

    def write(self, data: bytes) -> int:
        self._out.write(data)
        self.written += len(data)
        return len(data)
