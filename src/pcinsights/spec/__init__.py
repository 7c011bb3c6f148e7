"""The spec as data, in the shipped package: walking it (``walk``), its strict view (``strictview``) and the drift
checker (``drift``) that judges traffic against it, for ``make drift`` and the validating proxy alike."""
