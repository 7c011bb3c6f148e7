"""Repository tools, one job each; run from a checkout as ``python -m tools.<name>``.

- Generation: ``codegen`` (the client from the spec and ``overrides/``), ``pagers`` (the pager extension),
  ``queryfields`` (the ``groupby`` fields the package carries), ``decoders`` (the ``x-pcinsights-decode`` fields).
- The spec: ``speclint`` (lint), ``specdoc`` (the one reader of its YAML), ``docs`` (the reference page).
- The contract run: ``contract`` (schemathesis against the emulator or a live URL), ``coverage`` (what it exercised),
  ``live_hooks`` (the schemathesis hook that keeps a live run polite).
- Change: ``breaking`` (the gate), ``specdiff`` (the wire diff), ``apidiff`` (the Python API diff), ``change``
  (one difference), ``diffreview`` (Redocly's diff beside ours).
- Traffic: ``drift`` (recorded traffic against the spec; its checker, the strict view and the schema walker ship
  in ``pcinsights.spec``, which the validating proxy uses too).
- Shared: ``project`` (where a checkout keeps things), ``redocly`` (Redocly CLI at its pinned version).

Each acts on the project it finds from the working directory (or ``--project``); none is part of the
``pcinsights`` wheel.
"""
