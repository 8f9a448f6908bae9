"""Balance of a level: bots that play it as people would, and the win rates they reach.

Pygame-free, so the `balance` command, the docs generator and the tests share it."""
