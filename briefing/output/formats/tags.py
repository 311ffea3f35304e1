"""Newsletter merge tags in untrusted text, split so none can fire in any output format.

The merge tags of the major newsletter platforms (README, "Merge tags"), each split after its
opening character by a zero-width space, the only change to the visible text:
Liquid/HubSpot/Jinja `{{ }}` `{% %}` `{# #}`, Mailchimp `*|X|*`, wiki `[[ ]]`, ERB `<% %>`,
Salesforce Marketing Cloud `%%[ ]%%` and `%%X%%`, Salesforce `{!x}`, Smarty `{$x}`, `${x}` and
`#{x}` templates, ActiveCampaign `%FIRSTNAME%`, Campaign Monitor `[firstname,fallback=]` and
`[unsubscribe]`. Every lookahead is bounded: linear time.
"""

from __future__ import annotations

import re

from ..merge_tags import CAMPAIGN_MONITOR_TAGS
from ...ingest.textsafe import clean_text

ZWSP = "\u200b"
_TEMPLATE = re.compile(
    r"(\{)(?=[{%#!$])|([}%#])(?=\})|(\*)(?=\|)|(\|)(?=\*)|(\[)(?=\[)|(\])(?=\])|(<)(?=%)|(%)(?=>)"
    r"|(%)(?=%)|([$#])(?=\{)|(%)(?=[A-Za-z_][\w-]{0,40}%)"
    r"|(\[)(?=[A-Za-z_][\w -]{0,40},\s{0,3}fallback=[^\]\n]{0,80}\])"
    rf"|(\[)(?=(?i:{'|'.join(CAMPAIGN_MONITOR_TAGS)})\])"
)


def neutralize_templates(text: str) -> str:
    """Split template delimiters with a zero-width space: `{{x}}` → `{\\u200b{x}\\u200b}`."""
    return _TEMPLATE.sub(lambda m: m.group(0) + ZWSP, text)


def literal_text(text: str) -> str:
    """Untrusted text as every format shows it: sanitised, templates split, on one line."""
    return " ".join(neutralize_templates(clean_text(text)).split())
