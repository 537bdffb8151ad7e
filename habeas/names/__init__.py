"""habeas."""


def clear_caches() -> None:
    """Empty the name engine's memo caches of words and names (a long job's worker frees
    its memory with it); small ones, such as the ICU transliterator, stay."""
    import sys

    for name, module in list(sys.modules.items()):
        if not name.startswith("habeas.names.") or module is None:
            continue
        for value in vars(module).values():
            info = getattr(value, "cache_info", None)
            if info is None or getattr(value, "__module__", "") != name:
                continue
            size = info().maxsize
            if size is not None and size >= 4096:
                value.cache_clear()
