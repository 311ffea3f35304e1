"""Settings precedence: flags > BRIEFING_* environment > config file > defaults."""

import pytest

from briefing.core.config import ConfigError, Settings, load_settings


def test_defaults_without_a_user_file(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert load_settings(environ={}) == Settings()


def test_precedence(tmp_path):
    config = tmp_path / "briefing.toml"
    config.write_text('[summary]\nwords = 200\nalgorithm = "lsa"\n[brief]\ntimezone = "Europe/Kyiv"\n[cleaning]\npatterns = ["^Sign up"]\n')
    from_file = load_settings(config, environ={})
    assert (from_file.words, from_file.algorithm, from_file.timezone) == (200, "lsa", "Europe/Kyiv")
    assert from_file.clean_patterns == ("^Sign up",)
    from_env = load_settings(config, environ={"BRIEFING_WORDS": "90", "BRIEFING_ALGORITHM": "textrank"})
    assert (from_env.words, from_env.algorithm) == (90, "textrank")
    from_flags = load_settings(config, flags={"words": 50}, environ={"BRIEFING_WORDS": "90"})
    assert from_flags.words == 50 and from_flags.algorithm == "lsa"
    sentences = load_settings(config, flags={"sentences": 3}, environ={})
    assert sentences.sentences == 3 and sentences.words is None


@pytest.mark.parametrize(
    "content,message",
    [
        ("[summary]\nwords = -3\n", "words must be positive"),
        ('[summary]\nalgorithm = "magic"\n', "algorithm must be one of"),
        ('[brief]\ntimezone = "Mars/Olympus"\n', "unknown timezone"),
        ('[cleaning]\npatterns = ["(unclosed"]\n', "bad cleaning pattern"),
        ("not = [valid toml", "not valid TOML"),
    ],
)
def test_bad_config_is_a_clear_error(tmp_path, content, message):
    config = tmp_path / "bad.toml"
    config.write_text(content)
    with pytest.raises(ConfigError, match=message):
        load_settings(config, environ={})


def test_bad_config_exits_2_with_one_line(tmp_path):
    import subprocess
    import sys

    from conftest import SAMPLE

    config = tmp_path / "bad.toml"
    config.write_text('[summary]\nalgorithm = "magic"\n')
    result = subprocess.run([sys.executable, "-m", "briefing", "export", str(SAMPLE), "--config", str(config)], capture_output=True, text=True)
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
