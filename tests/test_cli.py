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
