"""One module per subcommand of `python main.py`: each has `add_arguments(parser)` and
`run(args) -> int`. Importing a module has no side effects; heavy imports happen in run()."""
