"""What the articles say: duplicates, stories and threads, summaries, key figures, quotes and their speakers."""
