"""Language data and sentence splitting shared by the analysers: stop words, first names, prefilters."""
