"""The `privacy-center` command: check company files the same way the site build does."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from .check.reference import stale as stale_references
from .check.reference import write as write_reference
from .model.model import Company
from .records.fides import as_yaml, manifest, unmapped
from .records.inforce import NoNotice, describe, notice_at
from .records.register import to_csv as register_csv
from .records.register import to_xlsx as register_xlsx
from .render.outputs import OUTPUTS, Output
from .render.scaffold import ScaffoldError, new_company
from .site.build import company_of
from .site.checker import check_file, check_files, combine, data_files, default_context, plural, summary
from .site.release import ReleaseError, release, write_notices
from .site.review import ReviewError, merge_base, review
from .source.publish import in_force_day
from .source.versions import release_command
from .source.wording import available_languages, load_wording


def _validate(args: argparse.Namespace) -> int:
    paths = [Path(p) for p in args.files] or data_files(Path(args.data_dir))
    if not paths:
        print(f"privacy-center: no company files in {args.data_dir}/", file=sys.stderr)
        return 1
    missing = [p for p in paths if not os.path.lexists(p)]  # a link, folder or pipe: reported by the check
    for path in missing:
        print(f"{path}:1:1: (document): file not found (check the path)", file=sys.stderr)
    result = check_files([p for p in paths if p not in missing])
    for diagnostic in result.errors:
        print(diagnostic.format())
    if not args.no_warnings:
        for diagnostic in result.warnings:
            print(diagnostic.format())
    print(summary(result))
    return 1 if result.errors or missing else 0


def _company_file(args: argparse.Namespace) -> Path | None:
    """<data-dir>/<slug>.yaml, or None once its absence is reported."""
    path = Path(args.data_dir) / f"{args.slug}.yaml"
    if not path.is_file():
        print(f"{path}:1:1: (document): no such company file (check the slug)", file=sys.stderr)
        return None
    return path


def _release(args: argparse.Namespace) -> int:
    path = _company_file(args)
    if path is None:
        return 1
    site_url = _site_url(args.site_url, args.data_dir)
    try:
        done = release(
            path,
            args.version,
            args.summary_fr,
            args.summary_en,
            args.date,
            _site_languages(),
            site_url,
            args.amend,
            args.base,
        )
    except ReleaseError as error:
        print(error, file=sys.stderr)
        return 1
    action = "recorded and frozen" if done.appended else "frozen again" if args.amend else "frozen"
    print(f"{done.slug}: version {done.version} {action} (content hash {done.hash}) in {done.snapshot}")
    _report_notices(done.notices, args, site_url)
    return 0


def _notice(args: argparse.Namespace) -> int:
    path = _company_file(args)
    if path is None:
        return 1
    site_url = _site_url(args.site_url, args.data_dir)
    try:
        written = write_notices(path, args.version, _site_languages(), site_url)
    except ReleaseError as error:
        print(error, file=sys.stderr)
        return 1
    _report_notices(written, args, site_url)
    return 0


SITE = " --site-url <address>"


def _report_notices(notices: Sequence[Path], args: argparse.Namespace, site_url: str) -> None:
    """The notices of change written, and a warning when their addresses would not reach anyone."""
    if not notices:
        return
    print("material changes: the notice of change to send to the people concerned, in each language:")
    print("\n".join(f"  {notice}" for notice in notices))
    if warning := _addresses_warning(site_url):
        again = release_command(str(Path(args.data_dir) / f"{args.slug}.yaml"), args.version, False, "notice", SITE)
        print(f"warning: {warning}, then write it again: {again}", file=sys.stderr)


def _diff(args: argparse.Namespace) -> int:
    paths = [Path(p) for p in args.files] or data_files(Path(args.data_dir))
    languages = _site_languages()
    versions = (args.start, args.end)
    if any(versions) and (args.base or len(paths) != 1):
        print(
            "privacy-center diff: --from and --to compare two versions of one company: name its file, without --base "
            "(privacy-center diff --from 1.0 --to 2.0 data/acme.yaml)",
            file=sys.stderr,
        )
        return 2
    try:
        base = merge_base(args.base, paths[0]) if args.base is not None and paths else args.base
        markdown, reviews = review(paths, base, languages, languages[0], versions, args.base)
    except ReviewError as error:
        print(error, file=sys.stderr)
        return 1
    print(markdown, end="")
    if base is not None and base != args.base:
        print(f"compared with {args.base} where this branch left it: commit {base[:12]}", file=sys.stderr)
    changed = sum(1 for r in reviews if r.status != "unchanged")
    material = sum(1 for r in reviews if r.material)
    print(
        f"{plural(len(reviews), 'company', 'companies')} compared: {changed} changed, {material} with material changes",
        file=sys.stderr,
    )
    return 0


def _new(args: argparse.Namespace) -> int:
    try:
        path = new_company(args.slug, Path(args.data_dir))
    except ScaffoldError as error:
        print(error, file=sys.stderr)
        return 1
    result = check_files([path])
    for diagnostic in result.errors:  # none unless the scaffold itself is broken: said, not hidden
        print(diagnostic.format(), file=sys.stderr)
    print(f"{path}: written; {summary(result)} (each warning is a fact still to take from the policy)")
    print(
        "next steps:\n"
        f"  1. open {path} in an editor with YAML support (VS Code + YAML extension: completion and errors)\n"
        "  2. replace each not_stated with what the policy says; keep it where the policy is silent\n"
        f"  3. .venv/bin/privacy-center validate {path}\n"
        "  4. .venv/bin/mkdocs serve   (the pages at http://127.0.0.1:8000/, rebuilt on each save)\n"
        f"  5. set the date of version 1.0 (end of the file), then\n"
        f"     .venv/bin/privacy-center release {args.slug} --version 1.0   (freeze the first version)"
    )
    return 1 if result.errors else 0


def _site_languages() -> list[str]:
    """The site languages, the default first (French where there is a French wording file, as in mkdocs.yml)."""
    default = "fr" if "fr" in available_languages() else available_languages()[0]
    return [default] + [language for language in available_languages() if language != default]


def _at(args: argparse.Namespace) -> int:
    path = _company_file(args)
    if path is None:
        return 1
    try:
        day = date.fromisoformat(args.date)
    except ValueError:
        print(f"privacy-center: '{args.date}' is not a date (write it as YYYY-MM-DD)", file=sys.stderr)
        return 1
    languages = _site_languages()
    check = check_file(path, default_context())
    modelled = company_of(check, in_force_day())
    if modelled is None:
        for diagnostic in check.errors + tuple(f for f in check.frozen_findings if f.severity == "error"):
            print(diagnostic.format(), file=sys.stderr)
        print(f"{path}: fix these errors first", file=sys.stderr)
        return 1
    try:
        found = notice_at(*modelled, day, languages, languages[0])
    except NoNotice as error:
        print(error, file=sys.stderr)
        return 1
    print(describe(found, _site_url(args.site_url, args.data_dir)))
    return 0


def _export(args: argparse.Namespace) -> int:
    paths = data_files(Path(args.data_dir))
    languages = _site_languages()
    if args.lang not in languages:
        print(f"privacy-center: no wording for '{args.lang}' (one of: {', '.join(languages)})", file=sys.stderr)
        return 1
    context, today = default_context(), in_force_day()
    checks = [check_file(path, context) for path in paths]  # each file read and checked once
    result = combine(checks)
    if result.errors or not paths:
        for diagnostic in result.errors:
            print(diagnostic.format(), file=sys.stderr)
        print(f"privacy-center: {summary(result)}; nothing exported", file=sys.stderr)
        return 1
    companies = [modelled[0] for check in checks if (modelled := company_of(check, today)) is not None]
    if args.what == "fides":
        return _export_fides(companies, args)
    words = load_wording(args.lang)
    fmt = args.format or "csv"
    if fmt not in ("csv", "xlsx"):
        print(f"privacy-center: the register is written as csv or xlsx, not {fmt}", file=sys.stderr)
        return 1
    output = Path(args.output or Path(_declared("register").name(args.lang)).with_suffix(f".{fmt}"))
    if fmt == "xlsx":
        register_xlsx(companies, words, output)
    else:
        output.write_bytes(register_csv(companies, words))
    purposes = sum(len(company.purposes) for company in companies)
    print(
        f"{output}: the register of {plural(len(companies), 'company', 'companies')}, {purposes} processing activities "
        f"({args.lang})"
    )
    return 0


def _declared(key: str) -> Output:
    """The site's own file of that kind (render/outputs.py): `export` writes the same name by default."""
    return next(output for output in OUTPUTS if output.key == key)


def _export_fides(companies: Sequence[Company], args: argparse.Namespace) -> int:
    """One Fides manifest of every company, and on stderr what got no key of fideslang's default taxonomy."""
    if args.format not in (None, "yml"):
        print(f"privacy-center: the Fides manifest is written as yml, not {args.format}", file=sys.stderr)
        return 1
    output = Path(args.output or _declared("fides").name(args.lang))
    output.write_text(as_yaml([manifest(company, args.lang) for company in companies]), encoding="utf-8")
    left = [(company.slug, item) for company in companies for item in unmapped(company)]
    for slug, item in left:
        code = f" ({item.code})" if item.code else ""
        print(f"  {slug}: {item.kind} {item.id}{code}: {item.reason}", file=sys.stderr)
    purposes = sum(len(company.purposes) for company in companies)
    print(
        f"{output}: the Fides manifest of {plural(len(companies), 'company', 'companies')}, {purposes} privacy "
        f"declarations ({args.lang}); "
        f"{len(left)} item(s) with no fideslang default key, declared as custom entries or left out (listed above)"
    )
    return 0


def _shown(path: Path) -> str:
    """A path as a user reads it: relative to the working folder when it is inside it."""
    return str(path.relative_to(Path.cwd())) if path.is_relative_to(Path.cwd()) else str(path)


def _reference(args: argparse.Namespace) -> int:
    folder = Path(args.output_dir)
    if args.check:
        out_of_date = stale_references(folder)
        for path in out_of_date:
            print(
                f"{_shown(path)}:1:1: (document): out of date with the declarations (declaration.py) or the wording "
                "(run privacy-center reference)",
                file=sys.stderr,
            )
        return 1 if out_of_date else 0
    for path in write_reference(folder):
        print(f"{_shown(path)}: written")
    return 0


SLUG_HELP = "the company (its file is <data-dir>/<slug>.yaml)"
SITE_URL_HELP = "the site's address, for full URLs (default: site_url of ./mkdocs.yml, else addresses from /)"


def _site_url(given: str | None, data_dir: str) -> str:
    """The site's address: the option, else `site_url` of the project's mkdocs.yml (beside the data folder, else in
    the working folder), read as data: its `!!python/name` tags and the like are left unresolved; else none."""
    if given is not None:
        return given
    for config in (Path(data_dir).resolve().parent / "mkdocs.yml", Path("mkdocs.yml")):
        if config.is_file():
            break
    else:
        return ""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    try:
        data = yaml.load(config.read_text(encoding="utf-8"), Loader=Loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return ""
    found = data.get("site_url") if isinstance(data, dict) else None
    return found if isinstance(found, str) else ""


EXAMPLE_DOMAINS = ("example.org", "example.com", "example.net", "example")  # RFC 2606: never anyone's site


def _addresses_warning(site_url: str) -> str | None:
    """Why the addresses in a notice of change may not reach anyone, or None."""
    host = urlsplit(site_url).hostname or ""
    if not host:
        return "its addresses start with / (no site address): pass --site-url or set site_url in mkdocs.yml"
    if any(host == domain or host.endswith("." + domain) for domain in EXAMPLE_DOMAINS):
        return f"its addresses are on {host}, an example address: set site_url in mkdocs.yml or pass --site-url"
    return None


def _command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    run: Callable[[argparse.Namespace], int],
    summary: str,
    description: str,
    example: str,
    data_dir: bool = True,
) -> argparse.ArgumentParser:
    """One subcommand: a line for the command list, a description and an example for its own --help, and (with
    `data_dir`) the option naming the folder of company files."""
    command = commands.add_parser(name, help=summary, description=description, epilog=f"example: {example}")
    command.set_defaults(run=run)
    if data_dir:
        command.add_argument("--data-dir", default="data", help="folder of company files (default: data)")
    return command


def build_parser() -> argparse.ArgumentParser:
    """The command line: one subcommand per job, each with its own help."""
    parser = argparse.ArgumentParser(prog="privacy-center", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    validate = _command(
        commands,
        "validate",
        _validate,
        "check company files: schema, semantic rules, GDPR completeness",
        "Check company files as the site build does: YAML, the JSON Schema, the semantic rules and the frozen "
        "versions (errors, exit status 1), then the GDPR Art. 13/14 completeness report (warnings). One line per "
        "finding, file:line:column: path: message (fix), then a summary.",
        "privacy-center validate data/acme.yaml",
    )
    validate.add_argument("files", nargs="*", help="company files (default: every file in the data folder)")
    validate.add_argument("--no-warnings", action="store_true", help="print errors only, not completeness warnings")
    publish = _command(
        commands,
        "release",
        _release,
        "record a new version of a company's policy and freeze it",
        "Append a version entry to the end of <data-dir>/<slug>.yaml (unless it is the last one listed) and freeze "
        "the file as <data-dir>/versions/<slug>/<version>.yaml; nothing is written if the file has an error. When "
        "the version's changes are material, also write the notice of change to send to the people concerned, in "
        "each language, as <data-dir>/versions/<slug>/<version>.notice.<lang>.txt (the history page shows it).",
        'privacy-center release acme --version 1.1 --summary-fr "..." --summary-en "..." --date 2027-01-01',
    )
    publish.add_argument("slug", help=SLUG_HELP)
    publish.add_argument("--version", required=True, help="the new version number, e.g. 1.1")
    publish.add_argument("--summary-fr", help="what changed, in French (required for a new version)")
    publish.add_argument("--summary-en", help="what changed, in English (required for a new version)")
    publish.add_argument("--date", help="effective date YYYY-MM-DD (default: today; a future date announces it)")
    publish.add_argument(
        "--amend",
        action="store_true",
        help="freeze the latest released version again from the file, to correct it before it is published: "
        "refused once it is in force (or, with --base, once it is in that branch)",
    )
    publish.add_argument("--base", help="with --amend: the branch the site is published from, e.g. origin/main")
    publish.add_argument("--site-url", default=None, help=SITE_URL_HELP)
    notice = _command(
        commands,
        "notice",
        _notice,
        "write the notice of change of a released version again",
        "Write <data-dir>/versions/<slug>/<version>.notice.<lang>.txt again, in each language, for a frozen version "
        "whose changes are material (as release does): after setting the site's address, or a change of wording. "
        "The history page shows the saved notice.",
        "privacy-center notice acme --version 1.1 --site-url https://privacy.example.com",
    )
    notice.add_argument("slug", help=SLUG_HELP)
    notice.add_argument("--version", required=True, help="the frozen version, e.g. 1.1")
    notice.add_argument("--site-url", default=None, help=SITE_URL_HELP)
    compare = _command(
        commands,
        "diff",
        _diff,
        "print what changed in the data as Markdown, in every language",
        "Compare the company files with a git revision or with their latest frozen versions, or two versions of one "
        "company, and print the changes as Markdown in every site language, each marked material or editorial (for "
        "a pull-request comment).",
        "privacy-center diff --base origin/main (or: privacy-center diff --from 1.0 --to 2.0 data/acme.yaml)",
    )
    compare.add_argument("files", nargs="*", help="company files (default: every file in the data folder)")
    compare.add_argument(
        "--base",
        help="git revision to compare with, e.g. origin/main: from where the current branch left it (git merge-base); "
        "default: the latest frozen version",
    )
    compare.add_argument(
        "--from", dest="start", help="frozen version to compare from (default: the one before --to, or the latest)"
    )
    compare.add_argument("--to", dest="end", help="frozen version to compare to (default: the working file)")
    scaffold = _command(
        commands,
        "new",
        _new,
        "write data/<slug>.yaml, a company file to fill in",
        "Write <data-dir>/<slug>.yaml with every required field, a comment on each and not_stated where a fact must "
        "come from the policy, then check it: no error, and one completeness warning per fact to fill.",
        "privacy-center new acme",
    )
    scaffold.add_argument("slug", help="the company's code: lowercase letters, digits and hyphens (acme-france)")
    export = _command(
        commands,
        "export",
        _export,
        "write the record of processing activities (CSV, workbook) or a Fides manifest",
        "register: the register of processing activities (GDPR Art. 30, CNIL model) of every company file, one row "
        "per purpose (purpose, legal basis, data subjects, categories of data, sensitive data, recipients, transfers "
        "and safeguards, retention, security measures, controller, DPO), in one language. CSV is UTF-8 with a byte "
        "order mark, separated by ';' in French and ',' in English, as each locale's spreadsheet software expects; "
        "xlsx has one sheet per company. Internal: the site publishes it only with "
        "extra.privacy_center.publish_register. fides: one Fides manifest (fideslang systems with their privacy "
        "declarations) of every company; what has no key in fideslang's default taxonomy is declared as a custom "
        "entry or left out, and listed.",
        "privacy-center export register --format xlsx --lang fr",
    )
    export.add_argument("what", choices=["register", "fides"], help="what to export: register or fides")
    export.add_argument(
        "--format", choices=["csv", "xlsx", "yml"], default=None, help="register: csv (default) or xlsx; fides: yml"
    )
    export.add_argument("--lang", default="fr", help="the language of the texts (default: fr)")
    export.add_argument("--output", help="the file to write (default: register.<lang>.<format>, fides.<lang>.yml)")
    when = _command(
        commands,
        "at",
        _at,
        "which version of a company's notice was in force on a date, with its hash and address",
        "Print the version of <data-dir>/<slug>.yaml in force on DATE (from its effective date, included, until the "
        "next version's), its content hash and the address of its text in each language: what a consent record "
        "cites. Exit status 1 when no version applies (before the first one, or versions without a date).",
        "privacy-center at acme 2026-03-01 --site-url https://privacy.example.org",
    )
    when.add_argument("slug", help=SLUG_HELP)
    when.add_argument("date", help="the day, YYYY-MM-DD")
    when.add_argument("--site-url", default=None, help=SITE_URL_HELP)
    fields = _command(
        commands,
        "reference",
        _reference,
        "write the schema and the field reference (reference/fields.<lang>.md) from the declarations",
        "Write the JSON Schema (hooks/privacy_center/schema/company.schema.json) from the field declarations "
        "(hooks/privacy_center/model/declaration.py), then reference/fields.<lang>.md for every site language: each "
        "field of a company file with its type, whether it is required, its description, the GDPR article it "
        "serves, the codes it accepts with their wording in every language, and an example.",
        "privacy-center reference --check",
        data_dir=False,
    )
    fields.add_argument("--output-dir", default="reference", help="where to write (default: reference)")
    fields.add_argument("--check", action="store_true", help="write nothing; exit 1 if the files are out of date")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    args = build_parser().parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except BrokenPipeError:  # `privacy-center validate | head`: the reader left, which is no error of the data
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        print("privacy-center: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
