"""Everything that formats output for a terminal: the only package that imports Rich.

`charts` is the exception that proves the rule: pure-string helpers with no Rich import, so
core code and tests can use them too.
"""
