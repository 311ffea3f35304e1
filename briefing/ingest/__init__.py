"""Files in, clean dated articles out: walk the folder, read each format, extract HTML text and dates, clean."""
