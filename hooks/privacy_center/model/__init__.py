"""Layer 2, the company declared and typed: each field declared once (declare, declaration), the frozen dataclasses
built from it (model) and the answers every surface reads (statements). Imports only source."""
