"""Spreadsheet cells a spreadsheet program would run as formulas, made plain text.

A participant's name, an institution or a page title that starts with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return would be taken for a formula
(CSV injection) when an organiser opens an export. Such text gets a leading
apostrophe, which spreadsheet programs show as text. Numbers are left alone:
they cannot carry a formula, and a negative gain must stay a number.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """``value`` as it may go into a cell: text that starts like a formula is quoted."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class FormulaSafeExportMixin:
    """For views with Wagtail's ``SpreadsheetExportMixin``: every CSV text cell neutralised.

    XLSX needs nothing more: Wagtail already writes a cell that looks like a
    formula as a string.
    """

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return neutralise_formula(value)
        return value
