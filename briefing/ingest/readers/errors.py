"""The error every reader raises for a file it cannot read, with the reason shown to the user."""


class ReadError(Exception):
    """A file that cannot become an article; the message is the reason shown to the user."""
