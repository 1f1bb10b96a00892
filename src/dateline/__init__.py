"""dateline: a sourced, dated, geolocated record of events from news reports."""
__version__ = "0.1.0"
