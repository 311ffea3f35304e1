"""The editor's desk: a Textual app over the engine's Brief (`briefing [DIR]` in a terminal).

    uv run briefing sample_corpus

Days (newest first) → the day's stories → the story (summary, key figures, quotes, sources)
→ the article reader. Every edit is saved at once (`briefing.brief.curation.CurationStore`) and
`briefing export` prints the same curated brief. `?` lists the keys; ctrl+p the commands.

One module per screen or widget: `app` (the thin App: loading, actions, saving), `days`,
`stories`, `story_view`, `reader`, `preview`, `help`, `filter`, `headline`, `move`,
`palette`, `themes`, `messages`; `session` (what the desk shows, plain Python), `engine` (the
engine in a child process), `text` (untrusted text → Content, never markup). Styles:
`app.tcss`; themes: `default_themes/*.toml` (copies of the repository's `themes/`).
"""
