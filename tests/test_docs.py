"""The API reference page (``make docs``): Redocly's build-docs renders every operation and schema of the spec."""

from __future__ import annotations

import html
import re
import shutil

import pytest

from tests._support import PROJECT, SPEC_PATH
from tools import docs
from tools.docs import embedded_definition
from tools.specdoc import load_spec, operations

pytestmark = pytest.mark.skipif(
    shutil.which("npx") is None or shutil.which("node") is None,
    reason="Node.js/npx not found: make docs skips Redocly build-docs",
)


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The page ``make docs`` writes (``python -m tools.docs``), built once for the module."""
    output = tmp_path_factory.mktemp("docs") / "index.html"
    assert docs.main(["--project", str(PROJECT.root), "--output", str(output)]) == 0
    return output.read_text(encoding="utf-8")


def test_every_operation_and_schema_is_on_the_page(page: str) -> None:
    spec = load_spec(SPEC_PATH)
    rendered = embedded_definition(page)  # what Redoc draws the page from, as bundled by build-docs

    for path, method, _item, operation in operations(spec):
        shown = rendered["paths"][path][method]
        assert shown["operationId"] == operation["operationId"]
        assert shown["summary"] == operation["summary"]
    assert set(rendered["components"]["schemas"]) == set(spec["components"]["schemas"])
    assert len(list(operations(rendered))) == len(list(operations(spec)))


def test_the_page_is_prerendered_and_self_contained(page: str) -> None:
    spec = load_spec(SPEC_PATH)
    text = re.sub(r"<[^>]+>", " ", re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S))

    assert f"<title>{spec['info']['title']}</title>" in page
    for tag in spec["tags"]:
        assert tag["name"] in text.split()  # the navigation is in the HTML itself, not only built by the script
    assert 'from "https://' not in page  # Redoc's script is inlined: the page opens offline


def test_the_page_keeps_the_specs_paragraphs(page: str) -> None:
    description = load_spec(SPEC_PATH)["info"]["description"]
    paragraphs = [" ".join(part.split()) for part in description.split("\n\n")]
    assert len(paragraphs) > 1
    shown = [" ".join(re.sub(r"<[^>]+>", "", p).split()) for p in re.findall(r"<p>(.*?)</p>", page, flags=re.S)]
    for paragraph in paragraphs:  # each its own <p>, as Redoc renders the Markdown
        assert any(text == html.unescape(paragraph).replace("`", "") for text in map(html.unescape, shown)), paragraph
