"""The partner insights reports (``/insights/v1/mpn``): datasets, the query language, the rows, and their API.

``definitions`` defines the datasets (columns, metrics, date ranges, minimum recurrence) and the system queries;
``query`` parses and checks a report query (``parse_query``, ``ReportQueryError``); ``records`` draws the license
datasets' records month by month from the ``World``; ``datasets`` runs a parsed query over them (``ReportData``)
and offers the definitions (``DATASETS``, ``SYSTEM_QUERIES``): the reports API reads datasets from it.

The API (the emulator's module map says how they fit): ``routes``, ``inputs``, ``operations``, ``envelope``,
``store``, ``clock``, ``scheduler``, ``files``, ``links``, ``callbacks``, ``engine``, ``service``, ``control``.
"""
