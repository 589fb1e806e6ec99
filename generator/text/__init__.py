"""The one text layer: sentences, words, stems, dates, slugs and text vectors, shared by every stage."""
