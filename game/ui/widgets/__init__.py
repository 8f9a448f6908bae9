"""Widgets: buttons, text, gauges, charts, cards, lists, news, dialogs."""
