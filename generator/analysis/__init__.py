"""Pure: one cleaned `Article` becomes its `Digest` (`digest.digest_article`): summary, figures, quotes, names."""
