"""The brief rendered: Markdown, HTML, Slack, text and JSON, and the inspect report."""
