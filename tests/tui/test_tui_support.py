"""Shared helpers for the TUI tests (no tests here): corpora, a fixed grouping, a hand-made brief.

The story grouping of the engine is tuned on real data and may change; tests of the desk's
mechanics (reorder, move) need a day with several stories whatever the tuning, so they group
one story per article (`one_story_per_article`) and let the rest of the engine run. The
snapshots use a hand-made Brief so that they show the desk, not the summariser of the day.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
from pathlib import Path

from briefing.brief.build import Brief, Day, FigureLine, QuoteLine, Story, SummaryLine
from briefing.core.config import Settings
from briefing.core.model import Article, Corpus
from briefing.text.sentences import sentence_spans
from briefing.analyse.stories import StoryGroup, article_day, story_id

def isolate_user_folders(tmp_path: Path, monkeypatch) -> None:
    """Own user data and config folders, no BRIEFING_* settings, and tmp_path as the working folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    for name in [k for k in os.environ if k.startswith("BRIEFING_")]:
        monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)


DESK = {
    "volcano.txt": """Volcano erupts near Grindavik, thousands evacuated

March 1, 2022

A volcano erupted on the Reykjanes peninsula in south-west Iceland on Tuesday, sending lava fountains up to 50 metres into the air. More than 3,000 residents of the fishing town of Grindavik were evacuated overnight as a precaution.

"We have never seen the ground move like this before," said Anna Jonsdottir, a geologist at the Icelandic Meteorological Office. The fissure is about 4 kilometres long, officials said.

The Blue Lagoon spa, one of the country's biggest tourist attractions, closed for at least three days. Flights at Keflavik airport were not affected, the airport operator said.

"The safety of residents is our first priority and we will not take any risks," Prime Minister Katrin Jakobsdottir told reporters in Reykjavik.
""",
    "football.txt": """Underdogs reach the cup final after penalty shoot-out

March 1, 2022

Second-division Ashford Town reached the national cup final on Tuesday after beating the league champions 5-4 on penalties in front of 41,000 spectators.

"I told the players to enjoy every minute, and they did," said manager Tom Reilly after the match. Goalkeeper Sam Okafor saved two penalties in the shoot-out.

The club's budget is less than 2 million pounds a year, a fraction of that of its opponents. The final will be played in May at the national stadium.

"This is the best night in the history of this club," captain Leo Brandt said, adding that the players would celebrate with the fans.
""",
    "bank.txt": """Central bank raises interest rates to 4.5 percent

March 1, 2022

The central bank raised its main interest rate by half a percentage point to 4.5 percent on Tuesday, the ninth increase in a row, as inflation stayed above 8 percent.

"Inflation is still far too high and we will do what it takes to bring it down," Governor Maria Lindqvist told a news conference. Economists had expected a smaller rise of 0.25 points.

Mortgage holders will pay about 120 dollars more a month on average, according to a consumer group. Shares of the country's biggest banks rose more than 2 percent after the announcement.
""",
    "volcano2.txt": """Lava reaches the edge of Grindavik as the eruption continues

March 2, 2022

Lava from the volcano on the Reykjanes peninsula reached the northern edge of Grindavik on Wednesday, destroying three houses, civil protection officials said.

About 3,700 people have now left the town. "The lava flow has slowed, but we cannot say the danger has passed," said Anna Jonsdottir of the Icelandic Meteorological Office.

Engineers built earth barriers more than 10 metres high to divert the flow away from the geothermal power plant at Svartsengi.
""",
}

HOSTILE = {
    "hostile.txt": (
        "Markup in the news\n\nMarch 3, 2022\n\n"
        "The council published a note that read [bold]x[/] in its first line. "
        "A second line said [@click=app.quit]y[/] and nothing else.\x1b]0;title\x07 "
        "Officials said the text was pasted from a template by mistake.\n\n"
        "\"We will fix the template this week,\" a council spokesman said on Thursday.\n"
    ),
}


def write_corpus(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def one_story_per_article(articles: list[Article], timezone: str | None = None) -> list[StoryGroup]:
    """A fixed grouping for the tests: every original article is a story; duplicates join it."""
    groups: dict[str, StoryGroup] = {}
    for article in articles:
        if article.duplicate_of and article.duplicate_of in groups:
            group = groups[article.duplicate_of]
            group.article_ids.append(article.id)
            groups[article.id] = group
            continue
        day = article_day(article, timezone)
        group = StoryGroup(day, [article.id], originals=[article.id])
        group.id = story_id(day, [article.id])
        group.thread = "t" + group.id
        groups[article.id] = group
    unique = list({id(g): g for g in groups.values()}.values())
    return unique


async def wait_ready(pilot, timeout: float = 30.0) -> None:
    """Until the brief is loaded and no worker runs."""
    app = pilot.app
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while app.session is None or any(w.is_running for w in app.workers):
        if app.load_error is not None:
            raise AssertionError(f"loading failed: {app.load_error!r}") from app.load_error
        if loop.time() > deadline:
            raise AssertionError("the brief did not load in time")
        await pilot.pause(0.02)
    await pilot.pause()


# ---------------------------------------------------------------- the hand-made brief (snapshots)

_TEXTS = {
    "a-volcano": (DESK["volcano.txt"].split("\n\n", 2)[2], "Volcano erupts near Grindavik, thousands evacuated", "Reykjavik Post", dt.date(2022, 3, 1)),
    "a-volcano-copy": (DESK["volcano.txt"].split("\n\n", 2)[2], "Volcano erupts near Grindavik (syndicated)", "Nordic Wire", dt.date(2022, 3, 1)),
    "a-football": (DESK["football.txt"].split("\n\n", 2)[2], "Underdogs reach the cup final after penalty shoot-out", "Sports Daily", dt.date(2022, 3, 1)),
    "a-bank": (DESK["bank.txt"].split("\n\n", 2)[2], "Central bank raises interest rates to 4.5 percent", "Financial Ledger", dt.date(2022, 3, 1)),
    "a-lava": (DESK["volcano2.txt"].split("\n\n", 2)[2], "Lava reaches the edge of Grindavik as the eruption continues", "Reykjavik Post", dt.date(2022, 3, 2)),
}


def handmade() -> tuple[Corpus, Brief]:
    """A small fixed brief: two days, four stories, one duplicate, quotes and figures."""
    articles = []
    for aid, (text, title, source, date) in _TEXTS.items():
        articles.append(
            Article(
                id=aid, path=f"{aid[2:]}.txt", text=text.strip(), title=title, source=source,
                url=f"https://news.example/{aid[2:]}", date=date, date_source="text",
                date_evidence=date.strftime("%B %-d, %Y"),
                removed=[title, date.strftime("%B %-d, %Y"), "Sign up for our newsletter"],
                duplicate_of="a-volcano" if aid == "a-volcano-copy" else None,
            )
        )
    corpus = Corpus(root="desk", articles=articles)
    by_id = {a.id: a for a in articles}

    def summary(aid: str, picks: list[int]) -> list[SummaryLine]:
        spans = sentence_spans(by_id[aid].text)
        return [SummaryLine(spans[i].text, aid, i) for i in picks]

    volcano = Story(
        "s-volcano", "t-volcano", dt.date(2022, 3, 1), "Volcano erupts near Grindavik, thousands evacuated",
        ["a-volcano", "a-volcano-copy"], summary("a-volcano", [0, 1, 2, 4]),
        [FigureLine("More than 3,000 residents", 3000, "residents", "", "a-volcano"),
         FigureLine("up to 50 metres", 50, "lava fountains", "", "a-volcano"),
         FigureLine("about 4 kilometres", 4, "fissure", "", "a-volcano")],
        [QuoteLine("We have never seen the ground move like this before,", "Anna Jonsdottir", "a-volcano", ["a-volcano-copy"]),
         QuoteLine("The safety of residents is our first priority and we will not take any risks,", "Katrin Jakobsdottir", "a-volcano")],
        9.0,
    )
    football = Story(
        "s-football", "t-football", dt.date(2022, 3, 1), "Underdogs reach the cup final after penalty shoot-out",
        ["a-football"], summary("a-football", [0, 1, 3]),
        [FigureLine("41,000 spectators", 41000, "spectators", "", "a-football")],
        [QuoteLine("I told the players to enjoy every minute, and they did,", "Tom Reilly", "a-football")],
        5.0,
    )
    bank = Story(
        "s-bank", "t-bank", dt.date(2022, 3, 1), "Central bank raises interest rates to 4.5 percent",
        ["a-bank"], summary("a-bank", [0, 1]),
        [FigureLine("4.5 percent", 4.5, "interest rate", "", "a-bank"), FigureLine("about 120 dollars", 120, "a month", "", "a-bank")],
        [QuoteLine("Inflation is still far too high and we will do what it takes to bring it down,", "Maria Lindqvist", "a-bank")],
        4.0,
    )
    lava = Story(
        "s-lava", "t-volcano", dt.date(2022, 3, 2), "Lava reaches the edge of Grindavik as the eruption continues",
        ["a-lava"], summary("a-lava", [0, 1, 3]),
        [FigureLine("About 3,700 people", 3700, "people", "", "a-lava")],
        [QuoteLine("The lava flow has slowed, but we cannot say the danger has passed,", "Anna Jonsdottir", "a-lava")],
        6.0,
    )
    days = [Day(dt.date(2022, 3, 2), [lava]), Day(dt.date(2022, 3, 1), [volcano, football, bank])]
    return corpus, Brief(corpus, days, [], Settings())
