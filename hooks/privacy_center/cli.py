"""The `privacy-center` command: check company files the same way the site build does."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

from .checker import check_files, data_files, summary


def _validate(args: argparse.Namespace) -> int:
    paths = [Path(p) for p in args.files] or data_files(Path(args.data_dir))
    if not paths:
        print(f"privacy-center: no company files in {args.data_dir}/", file=sys.stderr)
        return 1
    missing = [p for p in paths if not p.is_file()]
    for path in missing:
        print(f"{path}:1:1: (document): file not found (check the path)", file=sys.stderr)
    result = check_files([p for p in paths if p.is_file()])
    for diagnostic in result.errors:
        print(diagnostic.format())
    if not args.no_warnings:
        for diagnostic in result.warnings:
            print(diagnostic.format())
    print(summary(result))
    return 1 if result.errors or missing else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    parser = argparse.ArgumentParser(prog="privacy-center", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check company files: schema, semantic rules, GDPR completeness")
    validate.add_argument("files", nargs="*", help="company files (default: every file in the data folder)")
    validate.add_argument("--data-dir", default="data", help="folder of company files (default: data)")
    validate.add_argument("--no-warnings", action="store_true", help="print errors only, not completeness warnings")
    validate.set_defaults(run=_validate)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
