"""Questions -> answers: text analysis, lexicon, matcher and its on-disk index cache."""
