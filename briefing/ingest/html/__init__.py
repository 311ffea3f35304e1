"""Web pages: the main text (trafilatura plus structure) and the publication date (htmldate plus markup)."""
