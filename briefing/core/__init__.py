"""Shared plumbing every layer may use: the data model, settings, the cache, atomic writes, fork contexts."""
