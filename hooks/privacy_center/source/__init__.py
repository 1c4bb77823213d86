"""Layer 1, reading and writing files: the YAML loader with line marks, the bounds on input, what makes text inert, the
located diagnostics, the frozen versions on disk, the wording files, countries, atomic writes, the cache folder,
progress and timing. Imports nothing of the layers above."""
