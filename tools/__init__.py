"""Repository tools: generation, the contract run, the breaking-change gate and the spec lint.

They run from a checkout (``python -m tools.<name>``), act on the project they find from the working
directory (or ``--project``), and are never part of the ``pcinsights`` wheel.
"""
