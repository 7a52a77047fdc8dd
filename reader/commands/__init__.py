"""One module per command: ``make_parser(prog)`` and ``run(args) -> exit code``."""
