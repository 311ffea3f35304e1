"""The brief itself: its model and build (parallel, cached), the editor's curation, since-last marks and timelines."""
