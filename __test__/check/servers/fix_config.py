"""The fix under test, read as data for the Python servers of the cors-native check tests:
FIX is the snippet of check's fix (a call's keyword arguments, or settings assignments) and
FIX_ADD, JSON {setting: [values]}, lists what the fix says to add to a setting. Never run as
code: the snippet is parsed with ast and only literals are read."""
import ast
import json
import os


def call_keywords(text):
    """The keyword arguments of a call such as CORS(app, methods=["GET"]), as literals."""
    call = ast.parse(text, mode="eval").body
    return {keyword.arg: ast.literal_eval(keyword.value) for keyword in call.keywords}


def assignments(text, names):
    """NAME = value statements; in a tuple, *name expands names[name] (e.g. corsheaders' defaults)."""
    settings = {}
    for statement in ast.parse(text).body:
        if not isinstance(statement, ast.Assign) or len(statement.targets) != 1:
            raise ValueError(f"not a single assignment: {ast.dump(statement)}")
        settings[statement.targets[0].id] = value(statement.value, names)
    return settings


def value(node, names):
    if not isinstance(node, ast.Tuple):
        return ast.literal_eval(node)
    items = []
    for element in node.elts:
        if isinstance(element, ast.Starred):
            items.extend(names[element.value.id])
        else:
            items.append(ast.literal_eval(element))
    return tuple(items)


def fixed(base, parse):
    """`base` with the fix applied: FIX's settings, read by `parse`, replace; FIX_ADD's extend."""
    config = dict(base)
    if "FIX" in os.environ:
        config.update(parse(os.environ["FIX"]))
    for name, values in json.loads(os.environ.get("FIX_ADD", "{}")).items():
        config[name] = [*config.get(name, []), *values]
    return config
