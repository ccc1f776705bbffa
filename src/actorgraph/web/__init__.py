"""The HTTP API and web UI (``actorgraph serve``).

Example:
    >>> from actorgraph.web import create_app
    >>> create_app(":memory:").title
    'actorgraph'
"""

from actorgraph.web.api import create_app

__all__ = ["create_app"]
