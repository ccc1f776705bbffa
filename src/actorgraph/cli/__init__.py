"""The ``actorgraph`` command line. ``main`` parses arguments and calls the library.

Example:
    >>> main(["--help"])  # doctest: +SKIP
"""

from actorgraph.cli.coding import main

__all__ = ["main"]
