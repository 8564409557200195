using System.Text.Json;
using Superset.Configuration.Python;
using Xunit;

namespace Superset.Stacks.Tests.Customization;

/// <summary>
/// The C# scanner that refuses config overrides finds what Python's own ast finds: every module-level
/// name bound, every root name whose object is changed, every assignment by a computed name.
/// </summary>
public sealed class PythonScannerTests
{
    private const string AstProbe = """
        import ast, json, sys
        MUTATORS = {"update", "setdefault", "pop", "popitem", "clear", "append", "extend", "insert", "remove", "discard", "add", "__setitem__", "__delitem__", "__setattr__"}
        def effects(src):
            binds, mutates, dynamic = set(), set(), [False]
            def root(n):
                while isinstance(n, (ast.Attribute, ast.Subscript)):
                    n = n.value
                return n.id if isinstance(n, ast.Name) else None
            def target(t, local):
                if isinstance(t, ast.Name):
                    if not local: binds.add(t.id)
                elif isinstance(t, (ast.Tuple, ast.List)):
                    for e in t.elts: target(e, local)
                elif isinstance(t, ast.Starred):
                    target(t.value, local)
                elif isinstance(t, (ast.Attribute, ast.Subscript)) and root(t):
                    mutates.add(root(t))
            def walk(n, local):
                if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    if not local: binds.add(n.name)
                    for s in n.body: walk(s, True)
                    return
                if isinstance(n, ast.Assign):
                    for t in n.targets: target(t, local)
                elif isinstance(n, ast.AugAssign) or (isinstance(n, ast.AnnAssign) and n.value is not None):
                    target(n.target, local)
                elif isinstance(n, (ast.For, ast.AsyncFor)):
                    target(n.target, local)
                elif isinstance(n, (ast.With, ast.AsyncWith)):
                    for i in n.items:
                        if i.optional_vars is not None: target(i.optional_vars, local)
                elif isinstance(n, ast.ExceptHandler) and n.name and not local:
                    binds.add(n.name)
                elif isinstance(n, (ast.Import, ast.ImportFrom)):
                    for a in n.names:
                        if a.name == "*": dynamic[0] = True
                        elif not local: binds.add(a.asname or a.name.split(".")[0])
                elif isinstance(n, (ast.Global, ast.Nonlocal)):
                    binds.update(n.names)
                elif isinstance(n, ast.Delete):
                    for t in n.targets: target(t, local)
                elif isinstance(n, ast.NamedExpr) and not local:
                    binds.add(n.target.id)
                elif isinstance(n, ast.Call):
                    f = n.func
                    if isinstance(f, ast.Attribute) and f.attr in MUTATORS and root(f.value): mutates.add(root(f.value))
                    if isinstance(f, ast.Name) and f.id == "setattr" and n.args and isinstance(n.args[0], ast.Name): mutates.add(n.args[0].id)
                    if isinstance(f, ast.Name) and f.id in ("globals", "vars", "exec", "eval"): dynamic[0] = True
                elif isinstance(n, ast.Attribute) and (n.attr == "__dict__" or (n.attr == "modules" and isinstance(n.value, ast.Name) and n.value.id == "sys")):
                    dynamic[0] = True
                for c in ast.iter_child_nodes(n): walk(c, local)
            walk(ast.parse(src), False)
            return {"binds": sorted(binds), "mutates": sorted(mutates), "dynamic": dynamic[0]}
        print(json.dumps([effects(s) for s in json.load(sys.stdin)]))
        """;

    /// <summary>Snippets a team could write, the tricky ones included: every way Python binds or changes a name.</summary>
    public static readonly string[] Snippets =
    [
        "ROW_LIMIT = 10000",
        "SECRET_KEY: str = 'x'",
        "X: int",
        "A = B = 1",
        "A, (B, *C) = 1, (2, 3, 4)",
        "[D, E] = [1, 2]",
        "COUNT += 1",
        "FEATURE_FLAGS['DASHBOARD_RBAC'] = True",
        "FEATURE_FLAGS.update({'X': True})",
        "CeleryConfig.beat_schedule['x'] = {}",
        "CeleryConfig.task_routes.update({})",
        "CACHE_CONFIG['CACHE_DEFAULT_TIMEOUT'] = 1",
        "setattr(CeleryConfig, 'imports', ())",
        "x = SECRET_KEY + 'suffix'",
        "print(FEATURE_FLAGS.get('X'))",
        "if True:\n    SQLALCHEMY_DATABASE_URI = 'sqlite://'\nelse:\n    pass",
        "if True: RESULTS_BACKEND = None",
        "for LANGUAGES in []:\n    pass",
        "with open('/dev/null') as LOG_FILE:\n    pass",
        "try:\n    import missing_module\nexcept ImportError as err:\n    pass",
        "import os.path\nimport json as JSON_MODULE\nfrom datetime import timedelta, date as DATE",
        "from os import *",
        "def SECRET_KEY():\n    return 'x'",
        "def helper():\n    SECRET_KEY = 'local'\n    return SECRET_KEY",
        "def helper():\n    global SECRET_KEY\n    SECRET_KEY = 'x'",
        "def helper():\n    FEATURE_FLAGS['X'] = True",
        "class Custom:\n    SECRET_KEY = 'attribute'\n    def f(self):\n        pass",
        "async def handler():\n    pass",
        "del ROW_LIMIT",
        "if (TALISMAN_ENABLED := False):\n    pass",
        "globals()['SECRET_KEY'] = 'x'",
        "vars()['X'] = 1",
        "exec('SECRET_KEY = 1')",
        "import sys\nsys.modules[__name__].SECRET_KEY = 'x'",
        "TEXT = '''SECRET_KEY = 1\n# not code\n'''\nNOTE = \"FEATURE_FLAGS['x'] = 1\"  # FEATURE_FLAGS.update()",
        "VALUES = {\n    'a': 1,\n    'b': [SECRET_KEY,\n          2],\n}",
        "LONG = 1 + \\\n    2",
        "A = 1; B = 2",
        "X = (lambda y: y)(1)",
        "SQLLAB_CTAS_NO_LIMIT = [z for z in range(3)]",
        "@decorator\ndef DECORATED():\n    pass",
        "ENABLE_CORS = True  # a comment with SECRET_KEY = 1",
        "STR = f'{SECRET_KEY}'",
        "X = {'k': 1}['k']",
        "OBJ.attr.deep = 1",
        "LIST[0:2] = []",
    ];

    [Fact]
    public void Every_snippet_is_read_as_python_s_own_ast_reads_it()
    {
        var (code, stdout, stderr) = RunPython(AstProbe, JsonSerializer.Serialize(Snippets));
        Assert.True(code == 0, stderr);
        var expected = JsonDocument.Parse(stdout).RootElement.EnumerateArray().ToList();
        Assert.Equal(Snippets.Length, expected.Count);
        for (var i = 0; i < Snippets.Length; i++)
        {
            var (statements, faults) = PythonTokenizer.Tokenize(Snippets[i]);
            Assert.Empty(faults);
            var found = PythonAssignments.Find(statements);
            var binds = found.Where(f => f.Effect == PyEffect.Binds).Select(f => f.Name).Distinct().Order(StringComparer.Ordinal).ToList();
            var mutates = found.Where(f => f.Effect == PyEffect.Mutates).Select(f => f.Name).Distinct().Order(StringComparer.Ordinal).ToList();
            var dynamic = found.Any(f => f.Effect == PyEffect.Dynamic);
            var e = expected[i];
            Assert.True(e.GetProperty("binds").EnumerateArray().Select(x => x.GetString()!).SequenceEqual(binds), $"binds of {Snippets[i]}: python {e.GetProperty("binds")}, ours {string.Join(",", binds)}");
            Assert.True(e.GetProperty("mutates").EnumerateArray().Select(x => x.GetString()!).SequenceEqual(mutates), $"mutates of {Snippets[i]}: python {e.GetProperty("mutates")}, ours {string.Join(",", mutates)}");
            Assert.True(e.GetProperty("dynamic").GetBoolean() == dynamic, $"dynamic of {Snippets[i]}");
        }
    }

    [Theory]
    [InlineData("X = 'unterminated\n", "never closed")]
    [InlineData("X = '''open\n", "never closed")]
    [InlineData("X = (1, 2\n", "'(' is never closed")]
    [InlineData("X = [1, 2)\n", "does not close")]
    [InlineData("X = 1)\n", "closes nothing")]
    public void Text_python_would_not_compile_is_found(string source, string fault)
    {
        var (code, _, _) = RunPython("import sys; compile(sys.stdin.read(), 'override', 'exec')", source);
        Assert.NotEqual(0, code); // Python agrees it does not compile

        Assert.Contains(PythonTokenizer.Tokenize(source).Faults, f => f.Contains(fault, StringComparison.Ordinal));
    }

    private static (int Code, string Stdout, string Stderr) RunPython(string script, string stdin)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("ast-probe-").FullName, "probe.py");
        File.WriteAllText(file, script);
        var input = Path.ChangeExtension(file, ".in");
        File.WriteAllText(input, stdin);
        return Tools.Run("/bin/sh", ["-c", $"{Tools.Require(Tools.Python, "python3")} {file} < {input}"]);
    }
}
