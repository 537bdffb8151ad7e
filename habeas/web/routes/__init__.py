"""Routers by audience: public pages, the editor side, the JSON API."""
