"""The command line as a user runs it: documents on stdout, one-line errors, exit codes."""

import json
import subprocess
import sys

import jsonschema

from conftest import SAMPLE, schema


def run(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True, text=True, **kwargs)


def test_inspect_json_validates_and_carries_every_article():
    result = run("inspect", str(SAMPLE), "--format", "json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    jsonschema.validate(document, schema("inspect.schema.json"))
    assert len(document["articles"]) == 5 and document["skipped"] == []
    for article in document["articles"]:
        joined = " ".join(article["sentences"])
        assert len(joined) > 0.9 * len(article["text"].replace("\n\n", " "))


def test_inspect_paths_are_relative_to_the_folder_given():
    document = json.loads(run("inspect", str(SAMPLE), "--format", "json").stdout)
    assert [a["path"] for a in document["articles"]][0] == "000_e81418de888b2d50.txt"


def test_inspect_single_file_path_as_given():
    path = str(next(SAMPLE.glob("001_*")))
    document = json.loads(run("inspect", path, "--format", "json").stdout)
    assert document["articles"][0]["path"] == path


def test_inspect_text_is_readable():
    result = run("inspect", str(SAMPLE))
    assert result.returncode == 0
    assert "Kremlin signals more talks amid Ukraine tensions" in result.stdout
    assert "5 articles, 0 skipped" in result.stdout


def test_usage_errors_exit_2_with_one_line():
    result = run("inspect")
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    result = run("inspect", "/no/such/folder")
    assert result.returncode == 2 and "no such file or folder" in result.stderr
    result = run("inspect", str(SAMPLE), "--format", "yaml")
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_default_command_runs_on_sample_corpus():
    result = run()
    assert result.returncode == 0, result.stderr
    assert "2022-02-15" in result.stdout and "2022-02-01" in result.stdout


def test_the_command_line_keeps_blas_to_one_thread():
    """Story workers are processes, one per core: BLAS threads inside each only fight them."""
    import os

    code = (
        "import briefing.cli as cli; cli._one_blas_thread(); import numpy, threadpoolctl; "
        "print(max(pool['num_threads'] for pool in threadpoolctl.threadpool_info()))"
    )
    env = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout
    assert out.strip() == "1"
    code_without = "import numpy, threadpoolctl; print(max(p['num_threads'] for p in threadpoolctl.threadpool_info()))"
    without = subprocess.run([sys.executable, "-c", code_without], capture_output=True, text=True, check=True, env=env).stdout
    assert int(without) == min(os.cpu_count() or 1, 64)  # what the test guards against: one per core


# ---------------------------------------------------------------- issue 13, point 10


def test_options_before_the_folder_mean_the_default_command(tmp_path, monkeypatch, capsys):
    from briefing.cli import main

    result = run("--no-cache", str(SAMPLE))  # as a program; the other spellings in this process
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Daily brief")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    for options in (["--words", "50"], ["--debug"]):
        capsys.readouterr()
        assert main([*options, str(SAMPLE)]) == 0, (options, capsys.readouterr().err)
        assert capsys.readouterr().out.startswith("# Daily brief")
    assert main(["--no-cache", "export", str(SAMPLE), "--date", "2022-02-01"]) == 0
    assert capsys.readouterr().out.startswith("# Daily brief — Tuesday 1 February 2022")


def test_a_mistyped_command_is_named_as_such():
    result = run("frobnicate")
    assert result.returncode == 2 and "no such command or folder: frobnicate" in result.stderr
    result = run("exprot", str(SAMPLE))
    assert result.returncode == 2 and "did you mean `briefing export`" in result.stderr


def test_max_file_size_is_validated():
    for value, message in (("1e400M", "too large a size"), ("0", "must be positive"), ("-5k", "must be positive"), ("lots", "not a size")):
        result = run("inspect", str(SAMPLE), f"--max-file-size={value}")
        assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr


def test_a_closed_stdout_is_a_clear_error():
    result = subprocess.run(
        f"{sys.executable} -m briefing export {SAMPLE} --no-cache >&-", shell=True, stderr=subprocess.PIPE, text=True, executable="/bin/bash",
    )
    assert result.returncode == 1 and "standard output is closed" in result.stderr and "Error" not in result.stderr


def test_inspect_into_a_pipe_closed_early_exits_0():
    for options in ([], ["--format", "json"]):
        pipeline = subprocess.run(
            f"set -o pipefail; {sys.executable} -m briefing inspect {SAMPLE} --no-cache {' '.join(options)} | head -1",
            shell=True, capture_output=True, text=True, executable="/bin/bash",
        )
        assert pipeline.returncode == 0, pipeline.stderr
        assert "Error" not in pipeline.stderr and "Exception" not in pipeline.stderr


def test_an_html_page_with_a_control_character_reference_is_read(tmp_path):
    paragraph = "<p>" + "The minister said on Monday that talks with the alliance would continue next week in Geneva. " * 4 + "</p>"
    page = f"<html><head><title>Talks go on</title></head><body><article><h1>Talks go on</h1>{paragraph * 3}<p>A stray &#27; and &#x1b; here.</p>{paragraph}</article></body></html>"
    (tmp_path / "page.html").write_text(page)
    document = json.loads(run("inspect", str(tmp_path), "--format", "json", "--no-cache").stdout)
    assert len(document["articles"]) == 1 and document["skipped"] == []
    assert "\x1b" not in document["articles"][0]["text"]
