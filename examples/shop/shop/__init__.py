"""A tiny shop: the example segment for trifecta."""
