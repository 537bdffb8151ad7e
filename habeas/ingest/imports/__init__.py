"""Importers: files in, change sets out (they never write on their own)."""
