"""Parecon Pathways: an educational strategy game about building a participatory economy."""

__version__ = "0.1.0"
