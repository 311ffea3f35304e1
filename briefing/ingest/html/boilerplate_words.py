"""Words of page furniture that trafilatura leaves in a page's text, for `html_extract`.

Each list names a kind of furniture in the languages of our pages (German, English,
French, Spanish, Portuguese, Italian, Polish). Only general formulas of the web are here:
tests/unit/text/test_word_lists.py fails when a term occurs in just one sample or dev document,
because such a term was learned from that page and does nothing on the next one. All
matching is case-insensitive and limited to short paragraphs (see `html_extract`).
"""

from __future__ import annotations

#: "Read also" markers that start a paragraph pointing to another article.
READ_ALSO = (
    "lesen sie auch", "lesen sie mehr", "lesen sie hier", "lesen sie dazu", "lesen sie weiter",
    "lies auch", "lies mehr", "mehr zum thema", "mehr dazu", "mehr themen", "mehr artikel",
    "mehr beiträge", "mehr news", "auch interessant", "ebenfalls interessant",
    "weitere informationen zu", "weitere informationen zum", "weitere informationen zur",
    "weitere informationen finden sie", "mehr informationen zu", "mehr informationen finden sie",
    "das könnte sie auch interessieren", "das könnte sie interessieren",
    "das könnte dich auch interessieren", "das dürfte sie interessieren",
    "weiterlesen", "passend dazu", "passend zum thema", "siehe auch",
    "empfohlene artikel", "ähnliche artikel", "ähnliche beiträge", "verwandte artikel",
    "weitere artikel", "weitere beiträge", "weitere themen", "weitere nachrichten",
    "weitere meldungen", "weitere news", "weitere aktuelle themen",
    "read more", "read also", "also read", "related", "related articles", "related stories",
    "related posts", "related coverage", "related content", "see also", "more from",
    "more on", "more stories", "recommended", "recommended for you", "recommended articles",
    "recommended stories", "you may also like", "you might also like",
    "you may also be interested", "you might also be interested", "further reading",
    "à lire aussi", "a lire aussi", "à lire également", "lire aussi", "lire également",
    "lire la suite", "voir aussi", "sur le même sujet",
    "puedes ver", "lee también", "leer más", "te puede interesar", "ver también",
    "más información", "leia também", "leia mais", "veja também", "veja mais", "saiba mais",
    "leggi anche", "zobacz też", "zobacz także", "zobacz również", "czytaj też",
    "czytaj także", "czytaj również", "czytaj więcej", "przeczytaj też", "przeczytaj także",
)

#: Labels of photo and source credits, followed by a colon: "Foto: dpa", "Quelle: DJV".
CREDIT_LABELS = (
    "foto", "fotos", "photo", "photos", "bild", "bilder", "titelbild", "titelfoto",
    "bildquelle", "quelle", "credit", "credits", "crédit", "crédits",
    "crédit photo", "crédits photos", "copyright", "image", "images", "illustration",
    "fuente", "foto de", "zdjęcie", "zdjęcia",
)

#: Calls to action: newsletters, subscriptions, donations, follow-us and affiliate notices.
#: Imperatives and fixed formulas, so that reporting about subscriptions is not matched.
CALLS_TO_ACTION = (
    "newsletter", "sign up here", "sign up now", "sign up today", "sign up to our",
    "sign up for our", "sign up for free", "subscribe now", "subscribe here",
    "subscribe today", "subscribe to", "jetzt registrieren", "jetzt abonnieren",
    "jetzt anmelden", "jetzt bestellen", "jetzt spenden", "hier registrieren",
    "hier abonnieren", "hier anmelden", "kostenlos registrieren", "kostenlos abonnieren",
    "kostenlos anmelden", "registrieren sie sich", "abonnieren sie", "melden sie sich an",
    "feed abonnieren", "podcast abonnieren", "kanal abonnieren",
    "rss-feed", "hier klicken", "jetzt klicken", "klicken sie hier", "click here",
    "in ihren posteingang", "in deinen posteingang", "to your inbox", "in your inbox",
    "folgen sie uns", "folge uns", "follow us", "suscríbete", "suscribete", "suscribirse", "inscrivez-vous", "abonnez-vous", "zapisz się", "letters to the editor",
    "letter to the editor", "leserbrief", "help us continue", "unterstützen sie uns",
    "unterstützen sie unsere arbeit", "unterstützen sie unseren journalismus",
    "support our journalism", "support independent journalism", "paywall",
    "affiliate link", "affiliate links", "affiliate-links", "affiliate partner",
    "provisionslinks", "provisions-links", "werbelinks", "werbelink",
)

#: Labels of page furniture standing as a paragraph of their own: alone ("Drucken"), with
#: a count ("Kommentare (3)"), or with a short value after a colon ("Kategorie: News").
FURNITURE_LABELS = (
    "kommentar", "kommentare", "comment", "comments", "teilen", "teilen mit", "share",
    "share this", "share this article", "share this story", "share on", "beitrag teilen",
    "artikel teilen", "drucken", "print", "e-mail", "email", "gefällt mir", "like this",
    "zurück", "zurück nach oben", "zurück zur übersicht", "nach oben", "back to top",
    "nächster artikel", "vorheriger artikel", "kategorie", "kategorien", "category", "categories", "tag", "tags", "schlagwörter", "schlagworte",
    "stichwörter", "themen", "temas", "etiquetas", "mots-clés", "anzeige", "werbung",
    "advertisement", "subscribe", "pressemitteilungen", "presse", "pressekontakt", "kontakt",
    "ansprechpartner", "telefon", "tel.", "fax", "mail",
    "zusatzinformationen", "weitere informationen", "more information", "für rückfragen",
)

#: Widget phrases that are furniture wherever they stand in a short paragraph.
WIDGETS = (
    "keine kommentare", "no comments yet", "kommentar schreiben", "kommentar verfassen",
    "schreibe einen kommentar", "leave a reply", "leave a comment", "wird geladen",
    "sie sind nicht eingeloggt", "sie sind nicht angemeldet",
)

#: Labels of numbered figure captions ("Abbildung 4: ...", "Fig. 3.").
CAPTION_LABELS = (
    "abbildung", "abb.", "grafik", "figure", "fig.", "bild", "foto", "image", "illustration",
    "tabelle", "table",
)

#: Placeholders of embedded third-party content (maps, videos, social posts).
EMBED_PLACEHOLDERS = (
    "inhalt laden", "inhalte laden", "inhalt zu laden", "inhalte zu laden", "externe inhalte",
    "externen inhalt", "mit dem laden des inhalts",
    "empfohlener redaktioneller inhalt", "um den inhalt zu sehen", "um externe inhalte anzuzeigen",
    "javascript aktivieren", "javascript deaktiviert", "enable javascript", "click to load",
    "cookies akzeptieren", "cookies zulassen", "accept cookies",
)
