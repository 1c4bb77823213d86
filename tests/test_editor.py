"""An editor using yaml-language-server (VS Code's YAML extension runs it) gives, on a company file and with no
setup, inline errors, completion and hover help from the schema its first line names. Driven here over the
Language Server Protocol, as an editor drives it (`npm ci` installs the server)."""

from __future__ import annotations

import json
import queue
import subprocess
import threading
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT

SERVER = ROOT / "node_modules" / ".bin" / "yaml-language-server"
pytestmark = pytest.mark.skipif(not SERVER.exists(), reason="yaml-language-server not installed (npm ci)")


class Client:
    """A minimal LSP client over the server's stdin and stdout."""

    def __init__(self, root: Path) -> None:
        self.process = subprocess.Popen(
            [str(SERVER), "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        settings = {"yaml": {"validate": True, "completion": True, "hover": True, "schemaStore": {"enable": False}}}
        self.settings = settings
        self.request(
            "initialize",
            {
                "processId": None,
                "rootUri": root.as_uri(),
                "capabilities": {
                    "textDocument": {
                        "completion": {"completionItem": {"snippetSupport": False}},
                        "hover": {"contentFormat": ["markdown", "plaintext"]},
                        "publishDiagnostics": {},
                    },
                    "workspace": {"configuration": True},
                },
            },
        )
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": settings})

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = 0
            while (line := stream.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            if not line:
                return
            self.messages.put(json.loads(stream.read(length)))

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self._send({"method": method, "params": params})

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        self._send({"id": self.next_id, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == self.next_id and "method" not in m)["result"]

    def wait(self, wanted: Any, timeout: float = 60) -> dict[str, Any]:
        """The first message `wanted` accepts; the server's own requests (its configuration) are answered."""
        while True:
            message = self.messages.get(timeout=timeout)
            if "method" in message and "id" in message:  # a request from the server
                items = message.get("params", {}).get("items", [])
                result = [self.settings.get(i.get("section", ""), None) for i in items] if items else None
                self._send({"id": message["id"], "result": result})
                continue
            if wanted(message):
                return message

    def close(self) -> None:
        try:
            self.request("shutdown", {})
            self.notify("exit", {})
            self.process.wait(timeout=10)
        finally:
            self.process.kill()


@pytest.fixture
def client(tmp_path: Path) -> Any:
    session = Client(ROOT)
    yield session
    session.close()


def open_file(client: Client, path: Path, text: str) -> str:
    uri = path.as_uri()
    client.notify(
        "textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}
    )
    return uri


def diagnostics(client: Client, uri: str) -> list[dict[str, Any]]:
    found = client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri)
    return found["params"]["diagnostics"]


def test_a_company_file_gets_inline_errors_from_its_schema_line(client: Client) -> None:
    path = ROOT / "data" / "coopo.yaml"
    text = path.read_text(encoding="utf-8")
    assert diagnostics(client, open_file(client, path, text)) == []  # a valid file: nothing flagged
    broken = text.replace("\nrole: controller\n", "\nrole: boss\n")
    line = broken.split("\n").index("role: boss")
    client.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": path.as_uri(), "version": 2}, "contentChanges": [{"text": broken}]},
    )
    found = diagnostics(client, path.as_uri())
    assert [d["range"]["start"]["line"] for d in found] == [line], found
    assert "controller" in found[0]["message"]  # the allowed values


def test_completion_and_hover_come_from_the_schema(client: Client) -> None:
    path = ROOT / "data" / "coopo.yaml"
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    role = lines.index("role: controller")
    uri = open_file(client, path, text)
    diagnostics(client, uri)
    completion = client.request(
        "textDocument/completion", {"textDocument": {"uri": uri}, "position": {"line": role, "character": 6}}
    )
    items = completion["items"] if isinstance(completion, dict) else completion
    roles = json.loads((ROOT / "hooks/privacy_center/schema/company.schema.json").read_text("utf-8"))["properties"]
    assert set(roles["role"]["enum"]) <= {item["label"] for item in items}
    hover = client.request(
        "textDocument/hover",
        {"textDocument": {"uri": uri}, "position": {"line": lines.index("slug: coopo"), "character": 1}},
    )
    shown = json.dumps(hover["contents"])
    assert "Slug" in shown or "slug" in shown
    assert "address" in shown.lower() or "url" in shown.lower()
