"""Readers that turn each supported file format into plain text.

Each reader takes the file's bytes and returns ``(text, how)``: the text as a
reader of the document sees it (headlines of Word files marked ``**…**``), and
how it was read (an encoding, or the format). Every failure is an
:class:`~kg.errors.InputError` naming the file and the reason.
"""
