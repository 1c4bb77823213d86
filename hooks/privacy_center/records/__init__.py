"""Layer 6, the notice as data for other tools: JSON, DPV JSON-LD, the Fides manifest, the register of processing, the
notice in force on a date. Imports the layers below."""
