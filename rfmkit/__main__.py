"""``python -m rfmkit <command>``: ``report`` (a shop owner's report from an order export),
``gradebook`` (an instructor's table of students' exercise results), ``present`` (slides)."""

from __future__ import annotations

import sys

COMMANDS = {"report": "rfmkit.report", "gradebook": "rfmkit.gradebook",
            "present": "rfmkit.present"}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] not in COMMANDS:
        print(f"usage: python -m rfmkit {{{','.join(COMMANDS)}}} ...", file=sys.stderr)
        return 2
    from importlib import import_module

    return import_module(COMMANDS[argv[0]]).main(argv[1:])


if __name__ == "__main__":
    raise SystemExit(main())
