"""settings.py: typed settings from extra.briefing, errors that name the key."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import ROOT

from generator.errors import ConfigError
from generator.settings import Settings, load_settings, user_fields


def _config(tmp_path: Path, briefing: str) -> Path:
    path = tmp_path / "mkdocs.yml"
    path.write_text(f"site_name: x\ndocs_dir: pages\nextra:\n  briefing:\n{briefing}", encoding="utf-8")
    return path


def test_defaults_and_values(tmp_path: Path) -> None:
    settings = load_settings(_config(tmp_path, "    summary_max: 4\n    summary_ratio: 1\n"))
    assert settings.summary_max == 4 and settings.summary_ratio == 1.0
    assert settings.docs_dir == "pages" and settings.root == tmp_path


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("    summary_lenght: 3\n", "extra.briefing.summary_lenght: unknown setting"),
        ("    summary_max: many\n", "extra.briefing.summary_max: expected int, got 'many'"),
        ("    summarizer: gpt\n", "extra.briefing.summarizer: expected one of"),
        ("    summary_min: 4\n    summary_max: 2\n", "summary_min/summary_max"),
    ],
)
def test_bad_settings_name_the_key(tmp_path: Path, yaml_text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message.replace("(", r"\(")):
        load_settings(_config(tmp_path, yaml_text))


def test_summary_length_is_bounded() -> None:
    settings = Settings(summary_min=2, summary_max=5, summary_ratio=0.2)
    assert [settings.summary_length(n) for n in (1, 10, 20, 200)] == [2, 2, 4, 5]


def test_project_config_loads_and_every_setting_is_documented() -> None:
    load_settings(ROOT / "mkdocs.yml")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for field in user_fields():
        assert f"`{field.name}`" in readme, f"setting {field.name} is missing from the README"
