using static Superset.Configuration.Python.PyTokenSpans;

namespace Superset.Configuration.Python;

/// <summary>What a statement does to a module-level name.</summary>
public enum PyEffect
{
    /// <summary>Binds (or unbinds) it: assignment, import, def, class, for, with, del, global, walrus.</summary>
    Binds,

    /// <summary>Changes the object it names: an item or attribute assignment, a mutating method, setattr.</summary>
    Mutates,

    /// <summary>Assigns by a name computed at run time (globals(), vars(), exec, a star import): nothing can be checked.</summary>
    Dynamic,
}

/// <summary>One effect on a name.</summary>
/// <param name="Name">The module-level name (<c>*</c> for <see cref="PyEffect.Dynamic"/>).</param>
/// <param name="Effect">What happens to it.</param>
/// <param name="Line">Where (1-based).</param>
/// <param name="How">The construct, for messages (<c>globals()</c>, <c>.update()</c>).</param>
public sealed record PyAssignment(string Name, PyEffect Effect, int Line, string How);

/// <summary>
/// Finds every module-level name a piece of Python binds or changes, reading the tokens the way
/// Python's grammar places targets: assignment and augmented or annotated assignment targets (tuples
/// unpacked), for/with/except targets, imports, def and class, global, del and the walrus; item and
/// attribute assignments and mutating method calls change the object of their root name, at any depth.
/// A binding inside a def or class body is local (unless declared global). Checked against Python's own
/// ast by a test (tests: PythonScannerTests).
/// </summary>
public static class PythonAssignments
{
    private static readonly HashSet<string> Mutators = new(StringComparer.Ordinal)
    {
        "update", "setdefault", "pop", "popitem", "clear", "append", "extend", "insert", "remove", "discard", "add", "__setitem__", "__delitem__", "__setattr__",
    };

    private static readonly HashSet<string> AssignOps = new(StringComparer.Ordinal)
    {
        "=", "+=", "-=", "*=", "/=", "//=", "%=", "**=", ">>=", "<<=", "&=", "|=", "^=", "@=",
    };

    private static readonly HashSet<string> Headers = new(StringComparer.Ordinal) { "if", "elif", "else", "for", "while", "with", "try", "except", "finally" };

    /// <summary>Every effect on a module-level name, in source order.</summary>
    public static IReadOnlyList<PyAssignment> Find(IReadOnlyList<PyStatement> statements)
    {
        ArgumentNullException.ThrowIfNull(statements);
        var found = new List<PyAssignment>();
        var scopes = new Stack<int>();
        foreach (var statement in statements)
        {
            while (scopes.Count > 0 && statement.Indent <= scopes.Peek())
            {
                scopes.Pop();
            }

            Statement(statement.Tokens.ToList(), scopes.Count > 0, statement.Line, found, () => scopes.Push(statement.Indent));
        }

        return found;
    }

    private static void Statement(List<PyToken> t, bool local, int line, List<PyAssignment> found, Action opensScope)
    {
        if (t.Count == 0)
        {
            return;
        }

        var k = Is(t, 0, "async") ? 1 : 0;
        if (Is(t, k, "def") || Is(t, k, "class"))
        {
            if (!local && k + 1 < t.Count)
            {
                found.Add(new(t[k + 1].Text, PyEffect.Binds, line, t[k].Text));
            }

            opensScope();
            var colon = TopLevel(t, ":", k + 1);
            if (colon >= 0 && colon + 1 < t.Count)
            {
                Statement(t[(colon + 1)..], true, line, found, () => { });
            }

            return;
        }

        Dynamic(t, line, found);
        for (var i = 0; i + 1 < t.Count && !local; i++)
        {
            // An assignment expression binds in the enclosing scope: the module's, at this level.
            if (t[i].Kind == PyTokenKind.Name && t[i + 1].Text == ":=")
            {
                found.Add(new(t[i].Text, PyEffect.Binds, line, ":="));
            }
        }

        if (Is(t, 0, "global") || Is(t, 0, "nonlocal"))
        {
            found.AddRange(t.Skip(1).Where(x => x.Kind == PyTokenKind.Name).Select(x => new PyAssignment(x.Text, PyEffect.Binds, line, "global")));
            return;
        }

        if (t[0].Kind == PyTokenKind.Name && Headers.Contains(t[0].Text))
        {
            Header(t, local, line, found, opensScope);
            return;
        }

        if (Is(t, 0, "import") || Is(t, 0, "from"))
        {
            Import(t, local, line, found);
            return;
        }

        if (Is(t, 0, "del"))
        {
            Targets(t[1..], local, line, found, "del");
            return;
        }

        Mutations(t, line, found);
        var ops = Enumerable.Range(0, t.Count).Where(i => t[i].Kind == PyTokenKind.Op && AssignOps.Contains(t[i].Text) && Depth(t, i) == 0).ToList();
        if (ops.Count == 0)
        {
            // An annotation without a value (X: int) binds nothing; a bare expression binds nothing.
            return;
        }

        var start = 0;
        foreach (var op in ops)
        {
            var target = t[start..op];
            var annotation = TopLevel(target, ":", 0);
            Targets(annotation >= 0 ? target[..annotation] : target, local, line, found, t[op].Text);
            start = op + 1;
        }
    }

    /// <summary>if/for/while/with/try/except headers: their own targets, and a body on the same line.</summary>
    private static void Header(List<PyToken> t, bool local, int line, List<PyAssignment> found, Action opensScope)
    {
        var colon = TopLevel(t, ":", 1);
        var head = colon >= 0 ? t[..colon] : t;
        Mutations(head, line, found);
        if (Is(t, 0, "for") && TopLevel(head, "in", 1) is var inAt and > 0)
        {
            Targets(head[1..inAt], local, line, found, "for");
        }

        for (var i = 0; i < head.Count - 1; i++)
        {
            if (Is(head, i, "as"))
            {
                var rest = head[(i + 1)..];
                var end = TopLevel(rest, ",", 0);
                var target = end >= 0 ? rest[..end] : rest;
                // `with (open(a) as f):` closes the header's own bracket after the target.
                Targets(Depth(target, target.Count) < 0 ? target[..^1] : target, local, line, found, "as");
            }
        }

        if (colon >= 0 && colon + 1 < t.Count)
        {
            Statement(t[(colon + 1)..], local, line, found, opensScope);
        }
    }

    private static void Import(List<PyToken> t, bool local, int line, List<PyAssignment> found)
    {
        var names = Is(t, 0, "from") ? t.SkipWhile(x => x.Text != "import").Skip(1).ToList() : t.Skip(1).ToList();
        if (names.Any(x => x.Text == "*"))
        {
            found.Add(new("*", PyEffect.Dynamic, line, "import *"));
            return;
        }

        foreach (var part in Split(names.Where(x => x.Text is not ("(" or ")")).ToList(), ","))
        {
            var alias = part.FindIndex(x => x.Text == "as");
            var bound = alias >= 0 && alias + 1 < part.Count ? part[alias + 1] : part.FirstOrDefault();
            if (!local && bound is { Kind: PyTokenKind.Name })
            {
                found.Add(new(bound.Text, PyEffect.Binds, line, "import"));
            }
        }
    }

    /// <summary>Assignment targets: names bind, item and attribute targets change their root.</summary>
    private static void Targets(List<PyToken> target, bool local, int line, List<PyAssignment> found, string how)
    {
        foreach (var element in Split(Unwrap(target), ","))
        {
            var e = Unwrap(element.SkipWhile(x => x.Text == "*").ToList());
            if (e.Count == 0)
            {
                continue;
            }

            if (e.Count > 1 && TopLevel(e, ",", 0) >= 0)
            {
                Targets(e, local, line, found, how);
            }
            else if (e.Count == 1 && e[0].Kind == PyTokenKind.Name)
            {
                if (!local)
                {
                    found.Add(new(e[0].Text, PyEffect.Binds, line, how));
                }
            }
            else if (e[0].Kind == PyTokenKind.Name && e.Count > 1 && e[1].Text is "." or "[")
            {
                found.Add(new(e[0].Text, PyEffect.Mutates, line, $"{how} on {(e[1].Text == "." ? "an attribute" : "an item")}"));
            }
        }
    }

    /// <summary>NAME(.attr|[…])*.mutator( and setattr(NAME, …): a change to NAME's object.</summary>
    private static void Mutations(List<PyToken> t, int line, List<PyAssignment> found)
    {
        for (var i = 0; i < t.Count; i++)
        {
            if (t[i].Kind != PyTokenKind.Name || (i > 0 && t[i - 1].Text == "."))
            {
                continue;
            }

            if (t[i].Text == "setattr" && i + 2 < t.Count && t[i + 1].Text == "(" && t[i + 2].Kind == PyTokenKind.Name)
            {
                found.Add(new(t[i + 2].Text, PyEffect.Mutates, line, "setattr()"));
                continue;
            }

            var j = i + 1;
            while (j + 1 < t.Count && (t[j].Text == "." || t[j].Text == "["))
            {
                if (t[j].Text == "." && t[j + 1].Kind == PyTokenKind.Name && j + 2 < t.Count && t[j + 2].Text == "(" && Mutators.Contains(t[j + 1].Text))
                {
                    found.Add(new(t[i].Text, PyEffect.Mutates, line, $".{t[j + 1].Text}()"));
                    break;
                }

                j = t[j].Text == "." ? j + 2 : Close(t, j) + 1;
            }
        }
    }

    private static void Dynamic(List<PyToken> t, int line, List<PyAssignment> found)
    {
        for (var i = 0; i < t.Count; i++)
        {
            var name = t[i].Text;
            if (t[i].Kind == PyTokenKind.Name && (name is "globals" or "vars" or "exec" or "eval" or "__dict__" or "__builtins__"
                || (name == "modules" && i > 0 && t[i - 1].Text == "." && i > 1 && t[i - 2].Text == "sys")))
            {
                found.Add(new("*", PyEffect.Dynamic, line, name == "modules" ? "sys.modules" : name));
            }
        }
    }
}
