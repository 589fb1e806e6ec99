"""`generator bench`: how long the generate and MkDocs steps take, and how big the site gets (`run.run_benchmark`)."""
