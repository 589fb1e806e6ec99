"""Reading and cleaning: `seeds/` on disk become `Seed`s (`read.read_seeds`), then cleaned
`Article`s (`clean.clean_article`)."""
