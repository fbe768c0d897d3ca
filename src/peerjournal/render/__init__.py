"""Everything that formats output for a terminal; the only package that imports Rich."""
