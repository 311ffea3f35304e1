"""briefing: turn a folder of news articles into a daily brief."""

__version__ = "0.1.0"
