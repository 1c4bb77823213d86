"""Layer 2, the company declared and typed: each field declared once (declare, declaration), the frozen dataclasses
of the model (model) built from the declarations (build), and the answers every surface reads (statements). Imports
only source."""
