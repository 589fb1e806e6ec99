"""EDGE: pages into `docs/` (`write.write_pages`), MkDocs builds and the live preview's hook."""
