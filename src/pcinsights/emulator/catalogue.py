"""What the emulated tenant is drawn from: products and their workloads, sales channels and company names.

The names include accented letters, so clients meet non-ASCII text.
"""

from __future__ import annotations

import attrs


@attrs.frozen
class Workload:
    """A workload a product unlocks, such as Exchange."""

    code: str
    name: str


@attrs.frozen
class Product:
    """A product in the catalogue, tied to one service."""

    name: str
    service_code: str
    service_name: str
    workloads: tuple[Workload, ...]


EXCHANGE = Workload("EXO", "Exchange")
SHAREPOINT = Workload("SPO", "SharePoint")
TEAMS = Workload("TEAMS", "Microsoft Teams")
DYNAMICS = Workload("CRM", "Microsoft Dynamics CRM")
INTUNE = Workload("INTUNE", "Microsoft Intune")

# "intune" lies outside the spec's known serviceName values on purpose: clients must accept it.
CATALOGUE: tuple[Product, ...] = (
    Product("OFFICE 365 BUSINESS ESSENTIALS", "O365", "o365", (EXCHANGE, SHAREPOINT, TEAMS)),
    Product("OFFICE 365 E3", "O365", "o365", (EXCHANGE, SHAREPOINT, TEAMS)),
    Product("EXCHANGE ONLINE (PLAN 1)", "O365", "o365", (EXCHANGE,)),
    Product("EXCHANGE ONLINE ARCHIVING FOR EXCHANGE ONLINE", "O365", "o365", (EXCHANGE,)),
    Product("SHAREPOINT ONLINE (PLAN 1)", "O365", "o365", (SHAREPOINT,)),
    Product("MICROSOFT TEAMS ESSENTIALS", "O365", "o365", (TEAMS,)),
    Product("DYNAMICS 365 SALES ENTERPRISE", "CRM", "crm", (DYNAMICS,)),
    Product("DYNAMICS 365 CUSTOMER SERVICE PROFESSIONAL", "CRM", "crm", (DYNAMICS,)),
    Product("MICROSOFT INTUNE PLAN 1", "INTUNE", "intune", (INTUNE,)),
)
# A product's ``service_name`` is the short one (the commercial rows' ``serviceCode``); these are the services'
# display names (their ``serviceName``).
SERVICE_DISPLAY_NAMES = {"o365": "Microsoft Office 365", "crm": "Microsoft Dynamics", "intune": "Microsoft Intune"}
CHANNELS = ("reseller", "direct", "advisor")
RELATIONSHIPS = ("reseller", "advisor", "none")

BRANDS = (
    "Contoso",
    "Fabrikam",
    "Northwind",
    "Tailspin",
    "Wingtip",
    "Adventure Works",
    "Litware",
    "Proseware",
    "Woodgrove",
    "Alpine Ski House",
    "Coho Winery",
    "Lamna",
    "Müller & Söhne",
    "Café Olé",
    "Nordlys Ærø",
    "Zürich Präzision",
)
SECTORS = ("Dental", "Logistics", "Bakery", "Consulting", "Legal", "Health", "Motors", "Studios", "Foods", "Labs")
SUFFIXES = ("Ltd", "GmbH", "Inc.", "LLC", "AG", "S.A.", "Pty Ltd", "KK")
