"""Storage: the only package that issues SQL."""
