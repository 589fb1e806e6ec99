"""Pure: digests and stories become `Page`s, listings, feeds and the JSON export (`render.iter_pages`)."""
