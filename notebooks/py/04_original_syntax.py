"""Lesson 4: does the article's generator-based spinner still run? Compiles its key lines on this
Python and looks up the APIs it uses. Prints one JSON line.
"""
import asyncio
import json
import sys

ARTICLE_LINES = {
    "asyncio.async(...)": "spinner = asyncio.async(spin('thinking!'))",
    "@asyncio.coroutine + yield from": "@asyncio.coroutine\ndef slow():\n    yield from asyncio.sleep(3)\n",
}


def outcome(source):
    """Compile, then define (the decorator is looked up when the def runs); nothing is awaited."""
    try:
        code = compile(source, "spinner_asyncio.py", "exec")
    except SyntaxError as exc:
        return f"SyntaxError: {exc.msg}"
    try:
        exec(code, {"asyncio": asyncio, "spin": lambda _: None})
        return "runs"
    except Exception as exc:          # noqa: BLE001 - we report whatever it raises
        return f"{type(exc).__name__}: {exc}"


print(json.dumps({
    "python": sys.version.split()[0],
    "outcome": {name: outcome(src) for name, src in ARTICLE_LINES.items()},
    "has_asyncio_coroutine": hasattr(asyncio, "coroutine"),
    "has_asyncio_async": hasattr(asyncio, "async"),
    "has_ensure_future": hasattr(asyncio, "ensure_future"),
}))
