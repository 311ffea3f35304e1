"""Per-article analysis made at load time (briefing.analyse.analysis): same answers as computing later."""

from __future__ import annotations

import copy
import subprocess
import sys

from briefing.analyse.analysis import attach_extractions, dedup_profile_of, figures_of, quotes_of, terms_of
from briefing.analyse.dedup import text_profile
from briefing.analyse.figures import extract_figures
from briefing.analyse.quotes import extract_quotes
from briefing.analyse.stories import profile_text, term_counts


def test_loaded_articles_carry_their_analysis_and_it_equals_a_fresh_one(sample_corpus):
    assert all(article.analysis is not None for article in sample_corpus.articles)
    for article in sample_corpus.articles:
        # figures and quotes are compared only where something attached them: with none
        # attached, figures_of is extract_figures and the comparison could not fail
        if article.analysis.figures is not None:
            assert article.analysis.figures == extract_figures(article.text)
        if article.analysis.quotes is not None:
            assert article.analysis.quotes == extract_quotes(article.text)
        assert terms_of(article) == term_counts(profile_text(article))
        fingerprint, shingles, anchors, signature, runs = dedup_profile_of(article)
        fresh = text_profile(article.text)
        assert (fingerprint, shingles.tolist(), anchors, runs) == (fresh[0], fresh[1].tolist(), fresh[2], fresh[4])
        assert (signature is None and fresh[3] is None) or signature.tolist() == fresh[3].tolist()


def test_attached_figures_and_quotes_are_used_until_the_text_changes(sample_corpus):
    """What a worker attached is returned as is; once the text changed it is not trusted."""
    article = copy.copy(max(sample_corpus.articles, key=lambda a: len(extract_quotes(a.text))))
    article.analysis = copy.copy(article.analysis)
    attached_figures, attached_quotes = ["attached figure"], ["attached quote"]
    attach_extractions(article, attached_figures, attached_quotes)
    assert figures_of(article) is attached_figures and quotes_of(article) is attached_quotes
    article.text = article.text.split("\n\n")[0]  # keep the first paragraph only
    assert quotes_of(article) == extract_quotes(article.text) != attached_quotes
    assert figures_of(article) == extract_figures(article.text) != attached_figures


def test_an_article_whose_text_or_title_changed_is_analysed_again(sample_corpus):
    retitled = copy.copy(sample_corpus.articles[0])
    retitled.title = "Completely different words"
    assert terms_of(retitled) == term_counts(profile_text(retitled))
    assert terms_of(retitled) != terms_of(sample_corpus.articles[0])


def test_shingle_hashes_are_the_same_in_every_process():
    """They are cached across runs and made in worker processes: no per-process hash seed."""
    code = "from briefing.analyse.dedup import text_profile; print(text_profile('Sergey Lavrov said the talks would go on in Geneva next week, officials said.')[1].tolist())"
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={"PYTHONHASHSEED": seed, "PATH": ""}).stdout for seed in ("1", "2")}
    assert len(runs) == 1 and runs.pop().strip() not in ("", "[]")
