"""The editor's desk: a Textual app over the engine's Brief (`briefing [DIR]`)."""
