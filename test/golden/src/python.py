"""Golden fixture: Python."""
import functools


class Shape:
    """A shape."""

    def area(self) -> float:
        raise NotImplementedError

    class Unit:
        def scale(self, k: int = 1):
            return k


@functools.lru_cache(maxsize=None)
async def fetch(url: str, *, timeout: float = 5) -> bytes:
    """Fetch a URL."""

    def retry():
        pass

    return b""


if True:
    def conditional():
        pass

MAX_ITEMS: int = 100
first, (second, *rest) = 1, (2, 3, 4)


class Settings:
    debug = False
    name: str
