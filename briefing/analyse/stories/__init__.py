"""Group articles into days and stories, and link the same running story across days.

- **Days** (`grouping.article_day`): an article's day is its publication date, or the day of
  its timestamp in the configured timezone when the source gave a full timestamp. Undated
  articles form one more "day" of None. Stories never span days: a day is the unit an editor
  briefs.
- **Stories** (`clustering`): within a day, average-linkage clustering of TF-IDF vectors of
  each article's profile (`features.profile_text`: title, lead, names), cut at a fixed cosine
  distance. Headline-only days get neighbour expansion (second-order similarity); full-text
  days get the **same-event test** instead (`same_event`): two articles are one story only if
  their names and specific figures overlap, so templated wires (earnings, money-market
  operations, one statistic of different countries) stay apart while a bid and its denial,
  or three central banks reporting one joint intervention, merge.
- **Threads** (`threads`): stories of different days within a window are linked when their
  centroids are alike (and, for full text, name the same people and places).
- **Ids** (`ids`): a story's id is the hash of its day and its anchor (smallest original
  article id), a thread's the anchor of its first story: the same input gives the same ids,
  whatever its order, and copy joining or leaving a story keeps its id.

Measured (tune / blind halves):
- hand-grouped Reuters days, within-day BCubed P 0.986 / 0.960, R 0.957 / 0.861, F1 0.971 / 0.908
  (bench/eval_reuters_days.py; before the same-event test P 0.35 / 0.38);
- DUC 2003 clusters mixed in one folder, within-day F1 0.989 / 0.987, thread F1 0.883 / 0.868
  (bench/eval_duc_mixed.py);
- UCI headlines thread BCubed F1 0.818, WikiRef220 purity 0.955 (bench/eval_stories.py);
- all of Reuters (21,578 wires) grouped in about 2.8 s of CPU, as fast as the single-module
  grouper before (bench/eval_reuters_days.py --timing).
"""

from __future__ import annotations

from .clustering import (
    BLOCK_MERGE_SIMILARITY,
    FULL_TEXT,
    HEADLINE_TOKENS,
    HEADLINES,
    LONG_TEXT,
    LONG_WORDS,
    MAX_DENSE_DAY,
    STORY_DISTANCE,
    Regime,
    cluster_day,
    cluster_rows,
    expand,
    expanded_similarity,
    regime_by_size,
    regime_for,
)
from .features import LEAD_WORDS, profile_text, term_counts, tokens
from .grouping import StoryGroup, article_day, find_originals, grouping_features_of, group_stories
from .ids import story_id
from .same_event import name_counts
from .threads import THREAD_WINDOW_DAYS
from .vectors import l2_rows, vectorize, vectorize_counts

THREAD_SIMILARITY = FULL_TEXT.thread_similarity

__all__ = [
    "BLOCK_MERGE_SIMILARITY", "FULL_TEXT", "HEADLINE_TOKENS", "HEADLINES", "LEAD_WORDS", "LONG_TEXT", "LONG_WORDS", "MAX_DENSE_DAY",
    "STORY_DISTANCE", "THREAD_SIMILARITY", "THREAD_WINDOW_DAYS", "Regime", "StoryGroup", "find_originals", "grouping_features_of",
    "article_day", "cluster_day", "cluster_rows", "expand", "expanded_similarity", "group_stories", "l2_rows",
    "name_counts", "profile_text", "regime_by_size", "regime_for", "story_id", "term_counts", "tokens", "vectorize",
    "vectorize_counts",
]
