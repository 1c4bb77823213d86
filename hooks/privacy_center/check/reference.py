"""The field reference for authors (`reference/fields.<lang>.md`), generated from the schema and the wording files:
every field with its type, whether it is required, what it means, the GDPR article it serves, the codes it accepts
with their wording in every site language, and an example. Not part of the visitor site."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..model.declaration import company_schema
from ..source.wording import Wording, available_languages, load_wording
from .schema import SCHEMA_PATH, schema

VOCABULARY = "x-vocabulary"  # the schema's note of the wording group that names a field's codes (declare.Field)
ARTICLE = re.compile(r"\bArt\. \d+(?:\(\d+\))?(?:\([a-z]\))?")
PIPE = re.compile(r"\|")


def _resolve(node: Any, root: Mapping[str, Any]) -> Any:
    ref = node.get("$ref") if isinstance(node, dict) else None
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        return _resolve(root["$defs"][ref.rsplit("/", 1)[-1]], root)
    return node


def _branches(node: Any, root: Mapping[str, Any]) -> list[Any]:
    """The node and what it may be: its anyOf/oneOf/allOf branches, references followed."""
    node = _resolve(node, root)
    if not isinstance(node, dict):
        return []
    found = [node]
    for key in ("anyOf", "oneOf", "allOf"):
        for branch in node.get(key, []):
            found.extend(_branches(branch, root))
    return found


def kind(node: Any, root: Mapping[str, Any]) -> str:
    """A short type: text per language, list, mapping, string, number, true/false, a code, or `not_stated`."""
    kinds: list[str] = []
    for branch in _branches(node, root):
        if branch.get("const") == "not_stated":
            found = "not_stated"
        elif "const" in branch:
            found = f"`{json.dumps(branch['const'])}`"
        elif "enum" in branch:
            found = "code"
        elif branch.get("type") == "object" and "propertyNames" in branch:
            found = "text per language"
        else:
            found = {"array": "list", "object": "mapping", "integer": "number", "boolean": "true/false"}.get(
                str(branch.get("type")), str(branch.get("type", ""))
            )
        if found and found != "None" and found not in kinds:
            kinds.append(found)
    return " or ".join(kinds)


def codes(node: Any, root: Mapping[str, Any], words: Wording | None = None) -> list[str]:
    """The codes a field accepts: its enums, through references and branches, and the codes of the wording group
    its declaration names (`x-vocabulary`: the data categories, the authorities...), when it is one."""
    found: list[str] = []
    for branch in _branches(node, root):
        for code in branch.get("enum", []):
            if isinstance(code, str) and code not in found:
                found.append(code)
    vocabulary = node.get(VOCABULARY) if isinstance(node, dict) else None
    group = words.get(vocabulary) if words is not None and isinstance(vocabulary, str) else None
    if isinstance(group, Mapping):
        found.extend(code for code in group if code not in found)
    return found


def _group(values: Sequence[str], words: Wording) -> Mapping[str, Any] | None:
    """The wording group whose entries name every one of these codes (legal_basis for the bases...)."""
    for entries in words.entries.values():
        if isinstance(entries, Mapping) and all(value in entries for value in values):
            return entries
    return None


def _name(entry: Any) -> str:
    if isinstance(entry, Mapping):
        entry = entry.get("name") or entry.get("one") or ""
    return str(entry)


def _form(shape: str, description: str) -> str:
    """One accepted form of a field and what it means; a description that starts by naming the form is kept."""
    bare = shape.strip('`"')
    return f"- {description}" if description.startswith(f"`{bare}`") else f"- {shape}: {description}"


def fields(root: Mapping[str, Any]) -> Iterator[tuple[str, bool, list[Mapping[str, Any]]]]:
    """(path, required, schemas) of every field an author writes, in the schema's order: `purposes[].name`; a field
    declared in several branches (`transfers.outside_eu`: false, true or possible, each with its own fields) has
    the schema of each branch."""

    def walk(node: Any, where: str, seen: tuple[str, ...]) -> Iterator[tuple[str, bool, Mapping[str, Any]]]:
        for branch in _branches(node, root):
            items = branch.get("items")
            if isinstance(items, dict):
                yield from walk(items, f"{where}[]", seen)
            required = set(branch.get("required", []))
            for name, child in branch.get("properties", {}).items():
                if not isinstance(child, dict):
                    continue
                path = f"{where}.{name}" if where else name
                key = f"{path}#{id(child)}"  # one field may be declared by several branches, each walked once
                if key in seen:
                    continue
                seen += (key,)
                yield path, name in required, child
                yield from walk(child, path, seen)

    found: dict[str, tuple[bool, list[Mapping[str, Any]]]] = {}
    for path, required, node in walk(root, "", ()):
        was_required, nodes = found.setdefault(path, (required, []))
        if node not in nodes:
            nodes.append(node)
        found[path] = (was_required and required, nodes)  # required in every form that declares it
    for path, (required, nodes) in found.items():
        yield path, required, nodes


def render(language: str, languages: Sequence[str]) -> str:
    """The reference in one language: headings and labels from the wording file (`reference`), field texts from the
    schema (written in English), codes named in every site language."""
    root = schema()
    words = load_wording(language)
    languages = [language, *(other for other in languages if other != language)]  # the page's language first
    others = {lang: load_wording(lang) for lang in languages}

    def label(key: str) -> str:
        return words(f"reference.{key}")

    lines = [f"# {label('title')}", "", label("intro"), ""]
    for path, required, nodes in fields(root):
        node = nodes[0]
        lines += [f"## `{path}`", ""]
        kinds = list(dict.fromkeys(kind(each, root) for each in nodes))
        facts = [f"{label('type')}: {' or '.join(kinds)}", label("required") if required else label("optional")]
        said = " ".join(str(each.get("description", "")) for each in nodes)
        articles = sorted(set(ARTICLE.findall(said)))
        if articles:
            facts.append(f"{label('articles')}: GDPR {', '.join(articles)}")
        lines += [" · ".join(facts), ""]
        if len(nodes) > 1:  # one form per branch, each with what it means
            lines += [f"**{node['title']}**:" if node.get("title") else "", ""]
            lines += [_form(kind(each, root), str(each.get("description", ""))) for each in nodes]
            lines.append("")
        elif node.get("title"):
            lines += [f"**{node['title']}**: {node.get('description', '')}", ""]
        accepted = list(dict.fromkeys(code for each in nodes for code in codes(each, root, words)))
        if accepted:
            groups = {lang: _group(accepted, wording) for lang, wording in others.items()}
            lines += [f"| {label('code')} | " + " | ".join(lang for lang in languages) + " |"]
            lines += ["|---|" + "---|" * len(languages)]
            for code in accepted:
                names = [PIPE.sub("\\|", _name((groups[lang] or {}).get(code, "")) or "—") for lang in languages]
                lines.append(f"| `{code}` | " + " | ".join(names) + " |")
            lines.append("")
        if node.get("examples"):
            example = json.dumps(node["examples"][0], ensure_ascii=False)
            lines += [f"{label('example')}: `{example}`" if len(example) <= 100 else f"{label('example')}:", ""]
            if len(example) > 100:
                lines += ["```json", json.dumps(node["examples"][0], ensure_ascii=False, indent=2), "```", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def schema_text() -> str:
    """The published JSON Schema, generated from the declarations (declaration.py), as committed."""
    return json.dumps(company_schema(), indent=2, ensure_ascii=False) + "\n"


def stale(folder: Path) -> list[Path]:
    """The generated files that differ from what the declarations and the wording give now."""
    languages = list(available_languages())
    found = [] if SCHEMA_PATH.is_file() and SCHEMA_PATH.read_text(encoding="utf-8") == schema_text() else [SCHEMA_PATH]
    for language in languages:
        path = folder / f"fields.{language}.md"
        if not path.is_file() or path.read_text(encoding="utf-8") != render(language, languages):
            found.append(path)
    return found


def write(folder: Path) -> list[Path]:
    """Write the schema, then `fields.<lang>.md` for every site language (from that schema); the paths written."""
    SCHEMA_PATH.write_text(schema_text(), encoding="utf-8")
    schema.cache_clear()
    languages = list(available_languages())
    folder.mkdir(parents=True, exist_ok=True)
    written = [SCHEMA_PATH]
    for language in languages:
        path = folder / f"fields.{language}.md"
        path.write_text(render(language, languages), encoding="utf-8")
        written.append(path)
    return written
