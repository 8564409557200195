namespace Superset.Configuration.Python;

/// <summary>A token of Python source: a name, an operator or bracket, a string, a number.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Text">Its text (a string's is <c>"…"</c>: its content never matters here).</param>
public sealed record PyToken(PyTokenKind Kind, string Text);

/// <summary>The kinds of <see cref="PyToken"/>.</summary>
public enum PyTokenKind
{
    /// <summary>An identifier or keyword.</summary>
    Name,

    /// <summary>An operator, delimiter or bracket.</summary>
    Op,

    /// <summary>A string literal (any prefix, any quoting).</summary>
    String,

    /// <summary>A number literal.</summary>
    Number,
}

/// <summary>One logical line of Python: its indentation, its tokens, its first physical line.</summary>
/// <param name="Indent">Columns of leading white space of its first physical line.</param>
/// <param name="Tokens">Its tokens.</param>
/// <param name="Line">Its first physical line (1-based).</param>
public sealed record PyStatement(int Indent, IReadOnlyList<PyToken> Tokens, int Line);

/// <summary>
/// Splits Python source into logical lines of tokens the way Python's tokenizer does for what matters
/// here: comments dropped, strings (single, triple, with any prefix) kept whole, brackets and
/// backslashes joining physical lines, ';' separating statements. Records the faults Python's compiler
/// would reject before any statement runs: an unterminated string, an unbalanced bracket.
/// </summary>
public static class PythonTokenizer
{
    private static readonly string[] Operators =
    [
        "**=", "//=", ">>=", "<<=", "...", ":=", "->", "==", "!=", "<=", ">=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "**", "//", "<<", ">>",
    ];

    /// <summary>The logical lines of <paramref name="source"/>, and the faults found (empty when none).</summary>
    public static (IReadOnlyList<PyStatement> Statements, IReadOnlyList<string> Faults) Tokenize(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var state = new State(source);
        state.Run();
        return (state.Statements, state.Faults);
    }

    /// <summary>The tokenizer's position and what it has found.</summary>
    private sealed class State(string source)
    {
        private readonly List<PyToken> tokens = [];
        private readonly Stack<(char Open, int Line)> brackets = new();
        private int i;
        private int line = 1;
        private int indent;
        private int startLine = 1;
        private bool atLineStart = true;

        public List<PyStatement> Statements { get; } = [];

        public List<string> Faults { get; } = [];

        public void Run()
        {
            while (i < source.Length)
            {
                if (atLineStart && brackets.Count == 0 && tokens.Count == 0)
                {
                    Indentation();
                    continue;
                }

                atLineStart = false;
                Step(source[i]);
            }

            foreach (var (open, at) in brackets)
            {
                Faults.Add($"line {at}: '{open}' is never closed");
            }

            End();
        }

        private void Step(char c)
        {
            if (c == '#')
            {
                while (i < source.Length && source[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '\n')
            {
                (line, i, atLineStart) = (line + 1, i + 1, true);
                if (brackets.Count == 0)
                {
                    End();
                }
            }
            else if (c == '\\' && i + 1 < source.Length && source[i + 1] == '\n')
            {
                (i, line) = (i + 2, line + 1);
            }
            else if (c is ' ' or '\t' or '\r' or '\f')
            {
                i++;
            }
            else if (c == ';' && brackets.Count == 0)
            {
                End();
                (i, startLine) = (i + 1, line);
            }
            else if (StringStart(source, i) is int quote)
            {
                var (end, lines, closed) = SkipString(source, quote);
                if (!closed)
                {
                    Faults.Add($"line {line}: a string is never closed");
                }

                tokens.Add(new PyToken(PyTokenKind.String, "\"…\""));
                (i, line) = (end, line + lines);
            }
            else if (char.IsLetter(c) || c == '_' || c > 127)
            {
                tokens.Add(new PyToken(PyTokenKind.Name, Take(x => char.IsLetterOrDigit(x) || x == '_' || x > 127)));
            }
            else if (char.IsDigit(c) || (c == '.' && i + 1 < source.Length && char.IsDigit(source[i + 1])))
            {
                tokens.Add(new PyToken(PyTokenKind.Number, Take(x => char.IsLetterOrDigit(x) || x is '.' or '_')));
            }
            else
            {
                Operator(c);
            }
        }

        private void Indentation()
        {
            var col = 0;
            while (i < source.Length && source[i] is ' ' or '\t')
            {
                col += source[i] == '\t' ? 8 - (col % 8) : 1;
                i++;
            }

            (indent, startLine, atLineStart) = (col, line, false);
        }

        private string Take(Func<char, bool> part)
        {
            var start = i;
            while (i < source.Length && part(source[i]))
            {
                i++;
            }

            return source[start..i];
        }

        private void Operator(char c)
        {
            var op = Operators.FirstOrDefault(o => string.CompareOrdinal(source, i, o, 0, o.Length) == 0) ?? c.ToString();
            if (c is '(' or '[' or '{')
            {
                brackets.Push((c, line));
            }
            else if (c is ')' or ']' or '}')
            {
                if (brackets.Count == 0)
                {
                    Faults.Add($"line {line}: '{c}' closes nothing");
                }
                else
                {
                    var (open, at) = brackets.Pop();
                    if (Matching(open) != c)
                    {
                        Faults.Add($"line {line}: '{c}' does not close the '{open}' of line {at}");
                    }
                }
            }

            tokens.Add(new PyToken(PyTokenKind.Op, op));
            i += op.Length;
        }

        private void End()
        {
            if (tokens.Count > 0)
            {
                Statements.Add(new PyStatement(indent, tokens.ToList(), startLine));
            }

            tokens.Clear();
        }
    }

    private static char Matching(char open) => open switch { '(' => ')', '[' => ']', _ => '}' };

    /// <summary>The index of the opening quote when a string literal (with an optional prefix) starts at <paramref name="i"/>.</summary>
    private static int? StringStart(string s, int i)
    {
        var j = i;
        while (j < s.Length && j - i < 2 && s[j] is 'r' or 'R' or 'b' or 'B' or 'u' or 'U' or 'f' or 'F')
        {
            j++;
        }

        if (j < s.Length && s[j] is '\'' or '"' && (j == i || !(i > 0 && (char.IsLetterOrDigit(s[i - 1]) || s[i - 1] == '_'))))
        {
            return j;
        }

        return null;
    }

    /// <summary>Skips a string literal whose opening quote is at <paramref name="q"/>: where it ends, the newlines in it, whether it closed.</summary>
    private static (int End, int Lines, bool Closed) SkipString(string s, int q)
    {
        var quote = s[q];
        var triple = q + 2 < s.Length && s[q + 1] == quote && s[q + 2] == quote;
        var i = q + (triple ? 3 : 1);
        var lines = 0;
        while (i < s.Length)
        {
            if (s[i] == '\\' && i + 1 < s.Length)
            {
                lines += s[i + 1] == '\n' ? 1 : 0;
                i += 2;
                continue;
            }

            if (s[i] == '\n')
            {
                if (!triple)
                {
                    return (i, lines, false);
                }

                lines++;
            }

            if (s[i] == quote && (!triple || (i + 2 < s.Length && s[i + 1] == quote && s[i + 2] == quote)))
            {
                return (i + (triple ? 3 : 1), lines, true);
            }

            i++;
        }

        return (i, lines, false);
    }
}
