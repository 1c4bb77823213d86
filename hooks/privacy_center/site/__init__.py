"""Layer 7, the whole data folder: the check of every file and its releases, the site build, mkdocs serve, the release
and review commands. Imports the layers below; only the hook file (hooks/privacy_center_hook.py) imports mkdocs, and
the command line (cli) sits above all."""
