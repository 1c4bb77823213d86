"""Privacy center core: load, validate, model and render GDPR notices kept as YAML data.

Nothing in this package imports mkdocs, so the same core can feed another site engine.
"""

from __future__ import annotations

__version__ = "0.1.0"
