"""Campaign Monitor's own merge tags written without a fallback (`[unsubscribe]`): the names
its documentation lists. Any `[name,fallback=…]` is a merge tag whatever the name; a bare
`[word]` is one only for these names, so ordinary bracketed text (`[sic]`, `[bold]`) is
left as it is."""

CAMPAIGN_MONITOR_TAGS = (
    "firstname", "lastname", "fullname", "email", "unsubscribe", "webversion", "forwardtoafriend",
    "preferences", "currentday", "currentdayname", "currentmonth", "currentmonthname", "currentyear",
)
