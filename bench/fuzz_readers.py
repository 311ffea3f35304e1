"""Fuzz the readers and the per-article analysis with coverage-guided atheris (libFuzzer).

    uv run --with atheris python bench/fuzz_readers.py -max_total_time=600 [corpus_dir]

Each input's first byte picks the file kind (txt, md, html, json, jsonl, rss, sgml); the
rest is the file's bytes. The target decodes, reads, cleans, dates and splits it, then
extracts quotes and figures. A `ReadError` is an expected refusal; any other exception, or
an input taking more than 10 s, is a failure (libFuzzer stops and writes the input as
crash-*). Seeds: the sample corpus and small hand-made feeds/JSON. Without atheris, a plain
random-mutation loop runs for --seconds N instead (less effective, same target).
"""

from __future__ import annotations

import random
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

KINDS = (".txt", ".md", ".html", ".json", ".jsonl", ".rss", ".sgml")
REPO = Path(__file__).resolve().parent.parent


def target(data: bytes) -> None:
    from briefing.analyse.figures import extract_figures
    from briefing.ingest.load import LoadOptions, build_article
    from briefing.analyse.quotes import extract_quotes
    from briefing.ingest.readers import ReadError, parse_bytes

    if not data:
        return
    kind = KINDS[data[0] % len(KINDS)]
    try:
        result = parse_bytes(Path("fuzz" + kind), data[1:])
    except ReadError:
        return
    for raw in result.documents:
        article = build_article(raw, "fuzz" + kind, "id", LoadOptions(), None)
        if article is not None:
            extract_quotes(article.text)
            extract_figures(article.text)


def seeds() -> list[bytes]:
    found = [bytes([KINDS.index(".txt")]) + p.read_bytes() for p in sorted((REPO / "sample_corpus").iterdir())]
    found.append(bytes([KINDS.index(".json")]) + b'[{"title": "t", "text": "Lavrov said \\"talks\\" go on.", "date": "2022-02-14"}]')
    found.append(bytes([KINDS.index(".rss")]) + b"<rss><channel><title>W</title><item><title>T</title><pubDate>Mon, 14 Feb 2022 10:00:00 GMT</pubDate><description>&lt;p&gt;Body text, he said.&lt;/p&gt;</description></item></channel></rss>")
    found.append(bytes([KINDS.index(".html")]) + b"<html><head><meta property='article:published_time' content='2022-02-14'><title>T</title></head><body><article><p>More than 130,000 troops, officials said.</p></article></body></html>")
    return found


def _alarm(signum, frame):
    raise TimeoutError("input took more than 10 s")


def random_mutations(seconds: float) -> None:
    """Fallback without atheris: mutate seeds at random and count inputs and failures."""
    rng = random.Random(1)
    pool = seeds()
    tried = failures = 0
    signal.signal(signal.SIGALRM, _alarm)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        data = bytearray(rng.choice(pool))
        for _ in range(rng.randint(1, 8)):
            operation = rng.random()
            position = rng.randrange(len(data) + 1)
            if operation < 0.3 and data:
                data[min(position, len(data) - 1)] = rng.randrange(256)
            elif operation < 0.6:
                data[position:position] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
            elif operation < 0.8:
                del data[position : position + rng.randint(1, 64)]
            else:
                other = rng.choice(pool)
                start = rng.randrange(len(other))
                data[position:position] = other[start : start + rng.randint(1, 200)]
        tried += 1
        signal.alarm(10)
        try:
            target(bytes(data))
        except Exception as error:  # the point of fuzzing: report, keep going
            failures += 1
            Path(f"crash-{failures}").write_bytes(bytes(data))
            print(f"failure {failures}: {type(error).__name__}: {error}", flush=True)
        finally:
            signal.alarm(0)
    print(f"inputs tried: {tried}, failures: {failures}, seconds: {seconds:.0f}")


def main() -> None:
    try:
        import atheris
    except ImportError:
        seconds = float(sys.argv[sys.argv.index("--seconds") + 1]) if "--seconds" in sys.argv else 600.0
        print("atheris not installed: random mutation fallback")
        random_mutations(seconds)
        return
    corpus = Path("bench-fuzz-corpus")
    if not corpus.exists():
        corpus.mkdir()
        for number, seed in enumerate(seeds()):
            (corpus / f"seed-{number}").write_bytes(seed)
    with atheris.instrument_imports(include=["briefing"]):
        import briefing.analyse.figures  # noqa: F401
        import briefing.ingest.load  # noqa: F401
        import briefing.analyse.quotes  # noqa: F401
        import briefing.ingest.readers  # noqa: F401
    args = [a for a in sys.argv if a != "--seconds"]
    if not any(not a.startswith("-") for a in args[1:]):
        args.append(str(corpus))
    atheris.Setup(args + ["-timeout=10", "-rss_limit_mb=4096"], target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
