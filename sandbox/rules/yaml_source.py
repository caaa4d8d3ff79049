"""Reading YAML safely while remembering the line of every key, and refusing duplicate keys."""

from __future__ import annotations

from pathlib import Path

import yaml

from sandbox.rules.problems import Problem


class LineDict(dict):
    """A mapping that remembers its own line and the line of each key (1-based)."""

    line: int = 1
    key_lines: dict

    def line_of(self, key: object) -> int:
        return getattr(self, "key_lines", {}).get(key, self.line)


class LineList(list):
    """A sequence that remembers its own line and the line of each item (1-based)."""

    line: int = 1
    item_lines: list

    def line_of(self, index: int) -> int:
        lines = getattr(self, "item_lines", [])
        if 0 <= index < len(lines):
            return lines[index]
        return self.line


def line_of(node: object, key: object = None, default: int = 1) -> int:
    """The line of `key` inside `node`, or of `node` itself; `default` for plain values."""
    if isinstance(node, LineDict):
        return node.line_of(key) if key is not None else node.line
    if isinstance(node, LineList):
        return node.line_of(key) if isinstance(key, int) else node.line
    return default


class _Loader(yaml.SafeLoader):
    """SafeLoader that builds LineDict/LineList and records duplicate keys instead of hiding them."""

    def __init__(self, stream, duplicates: list):
        super().__init__(stream)
        self.duplicates = duplicates


def _expect(node: yaml.Node, kind: type, what: str) -> None:
    """`!!seq {a: 1}` or `!!map [a]`: a tag that does not fit its node is a YAML error, not a crash."""
    if not isinstance(node, kind):
        raise yaml.constructor.ConstructorError(
            None, None, f"expected {what}, but found {node.id}", node.start_mark)


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    _expect(node, yaml.MappingNode, "a mapping")
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str | int | float | bool) and key is not None:
            # dates as keys are allowed (parameter values); anything unhashable is refused below
            try:
                hash(key)
            except TypeError:
                loader.duplicates.append(("unhashable", key_node.start_mark.line + 1, str(key)))
                continue
        line = key_node.start_mark.line + 1
        if key in result:
            loader.duplicates.append(("duplicate", line, key, result.key_lines[key]))
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = line
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    _expect(node, yaml.SequenceNode, "a sequence")
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


class BadDate(str):
    """A value YAML took for a date but which is no real date (2023-02-30); reported, not raised."""

    line: int = 1


def _construct_timestamp(loader: _Loader, node: yaml.ScalarNode) -> object:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        bad = BadDate(node.value)
        bad.line = node.start_mark.line + 1
        return bad


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def load_yaml(path: Path, display: str | None = None) -> tuple[object, list[Problem]]:
    """Parse one YAML file; return its data (or None) and the problems met on the way.

    Only the safe constructors exist, so a tag such as `!!python/object` is refused with its line
    rather than building anything.
    """
    shown = display or str(path)
    try:
        raw_bytes = path.read_bytes()
        text = raw_bytes.decode("utf-8")
    except FileNotFoundError:
        return None, [Problem(shown, 1, "file.missing", {"path": shown})]
    except IsADirectoryError:
        return None, [Problem(shown, 1, "file.is_directory", {"path": shown})]
    except UnicodeDecodeError as error:
        line = raw_bytes[: error.start].count(b"\n") + 1
        return None, [Problem(shown, line, "file.not_utf8", {"detail": str(error.reason)})]
    except OSError as error:
        return None, [Problem(shown, 1, "file.unreadable", {"detail": error.strerror or str(error)})]
    duplicates: list = []
    try:
        loader = _Loader(text, duplicates)
    except yaml.reader.ReaderError as error:
        line = text[: error.position].count("\n") + 1
        return None, [Problem(shown, line, "yaml.control_character",
                              {"code": f"#x{error.character:04x}"})]
    try:
        data = loader.get_single_data()
    except yaml.constructor.ConstructorError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        tag = _tag_from(error)
        if tag:
            return None, [Problem(shown, line, "yaml.tag_refused", {"tag": tag})]
        return None, [Problem(shown, line, "yaml.bad_value", {"detail": _one_line(error.problem)})]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        detail = _one_line(error.problem or error.context or "")
        return None, [Problem(shown, line, "yaml.syntax", {"detail": detail})]
    except yaml.YAMLError as error:
        return None, [Problem(shown, 1, "yaml.syntax", {"detail": _one_line(str(error))})]
    except (ValueError, TypeError, OverflowError, KeyError, IndexError, AttributeError) as error:
        # e.g. `!!int sembilan` or `!!bool mungkin` (a KeyError inside PyYAML): an explicit tag whose
        # text does not fit it
        return None, [Problem(shown, _tagged_line(text), "yaml.bad_value",
                              {"detail": _one_line(str(error))})]
    except RecursionError:
        # `[[[[...` a thousand levels deep: PyYAML composes nodes recursively
        return None, [Problem(shown, _deepest_line(text), "yaml.too_deep", {"limit": MAX_DEPTH})]
    finally:
        loader.dispose()
    deep_line = _too_deep(data)
    if deep_line:
        return None, [Problem(shown, deep_line, "yaml.too_deep", {"limit": MAX_DEPTH})]
    problems = []
    for entry in duplicates:
        if entry[0] == "duplicate":
            _, line, key, first = entry
            problems.append(Problem(shown, line, "yaml.duplicate_key", {"key": key, "first": first}))
        else:
            problems.append(Problem(shown, entry[1], "yaml.bad_key", {"key": entry[2]}))
    return data, problems


# Real packs and scenarios nest about 8 levels; everything that walks the data afterwards (the
# checker, a reform's merge, messages) may then recurse without fear of Python's stack limit.
MAX_DEPTH = 40


def _too_deep(data: object) -> int | None:
    """The line of a mapping or list nested deeper than MAX_DEPTH, counted without recursion."""
    stack = [(data, 1)]
    seen: set = set()
    while stack:
        node, depth = stack.pop()
        if not isinstance(node, dict | list) or id(node) in seen:
            continue  # an alias repeats a node: its content is walked once
        seen.add(id(node))
        if depth > MAX_DEPTH:
            return getattr(node, "line", 1)
        children = node.values() if isinstance(node, dict) else node
        stack.extend((child, depth + 1) for child in children)
    return None


def _deepest_line(text: str) -> int:
    """Where the brackets first open more than MAX_DEPTH deep (a guess good enough to look at)."""
    depth = 0
    line = 1
    for char in text:
        if char == "\n":
            line += 1
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return line
        elif char in "]}":
            depth = max(depth - 1, 0)
    return 1


def _tagged_line(text: str) -> int:
    """Best guess for a failed explicit tag: the first line that uses one."""
    for number, line in enumerate(text.splitlines(), start=1):
        if "!!" in line.split("#", 1)[0]:
            return number
    return 1


def _tag_from(error: yaml.constructor.ConstructorError) -> str | None:
    text = str(error.problem or "")
    if "tag" in text:
        start = text.find("'")
        end = text.rfind("'")
        if 0 <= start < end:
            return text[start + 1 : end]
        return text
    return None


def _one_line(text: str) -> str:
    return " ".join(str(text).split())
