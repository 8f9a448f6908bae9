"""Parecon Pathways: start the game or one of its command line tools."""

from game.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
