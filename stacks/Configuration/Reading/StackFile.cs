using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Superset.Catalog;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Superset.Configuration.Reading;

/// <summary>
/// A <c>Pulumi.&lt;stack&gt;.yaml</c> read from disk, served as Pulumi would serve it to the program:
/// scalars as text, objects and lists as JSON text. Plain YAML scalars keep their type (numbers,
/// booleans, null) and quoted ones stay strings, as Pulumi's own config does.
/// </summary>
public sealed class StackFile : IConfigSource
{
    /// <summary>The config namespace of this project (<c>name:</c> in Pulumi.yaml).</summary>
    public const string Namespace = "superset";

    /// <summary>
    /// The fields of a stack file Pulumi reads (pulumi/pulumi sdk/go/common/workspace/project.go,
    /// <c>ProjectStack</c>): any other top-level key is a typo whose settings nobody reads.
    /// </summary>
    private static readonly string[] StackFileFields = ["config", "environment", "secretsprovider", "encryptedkey", "encryptionsalt"];

    private readonly Dictionary<string, string> values;

    // Scalars of other namespaces (aws:region), by their full key: read, never validated here.
    private readonly Dictionary<string, string> others;

    // Every key of `config:` as written, and the superset: keys whose value is `secure:` (encrypted).
    private readonly List<string> all;
    private readonly HashSet<string> secure;

    private StackFile(string origin, Dictionary<string, string> values, Dictionary<string, string>? others = null, List<string>? all = null, HashSet<string>? secure = null)
    {
        Origin = origin;
        this.values = values;
        this.others = others ?? [];
        this.all = all ?? [];
        this.secure = secure ?? [];
    }

    public string Origin { get; }

    public string? Get(string key) => values.TryGetValue(key, out var value) ? value : null;

    public IReadOnlyCollection<string>? Keys => values.Keys;

    public string? GetQualified(string qualifiedKey) => others.TryGetValue(qualifiedKey, out var value) ? value : null;

    public IReadOnlyCollection<string>? AllKeys => all;

    /// <summary>A secret in a stack file is a mapping <c>{secure: &lt;ciphertext&gt;}</c> (what <c>pulumi config set --secret</c> writes).</summary>
    public bool? IsSecret(string key) => values.ContainsKey(key) ? secure.Contains(key) : null;

    /// <summary>
    /// Finds the stack file: a stack name (<c>dev</c> → <c>Pulumi.dev.yaml</c> in <paramref name="root"/>)
    /// or a path to a file.
    /// </summary>
    public static string Resolve(string stackOrPath, string root)
    {
        if (File.Exists(stackOrPath))
        {
            return Path.GetFullPath(stackOrPath);
        }

        var byName = Path.Combine(root, $"Pulumi.{stackOrPath}.yaml");
        if (File.Exists(byName))
        {
            return byName;
        }

        var known = Directory.Exists(root)
            ? Directory.GetFiles(root, "Pulumi.*.yaml").Select(f => Path.GetFileName(f)[7..^5]).Order().ToArray()
            : [];
        throw new SettingsException(stackOrPath, [new SettingsError("stack", stackOrPath,
            $"no file {byName} and no such path; known stacks in {root}: {(known.Length == 0 ? "none" : string.Join(", ", known))}")]);
    }

    /// <summary>Reads a stack file from disk.</summary>
    public static StackFile Load(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));

    /// <summary>
    /// The whole stack file as JSON, scalars typed as the program reads them (what a JSON Schema of
    /// the file judges); null for an empty file.
    /// </summary>
    public static JsonNode? ToJsonDocument(string yaml, string origin)
    {
        var stream = LoadYaml(yaml, origin);
        return stream.Documents.Count == 0 ? null : ToJson(stream.Documents[0].RootNode, "(file)", origin);
    }

    /// <summary>Parses stack file text; <paramref name="origin"/> names it in errors.</summary>
    public static StackFile Parse(string yaml, string origin)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var others = new Dictionary<string, string>(StringComparer.Ordinal);
        var all = new List<string>();
        var secure = new HashSet<string>(StringComparer.Ordinal);
        var stream = LoadYaml(yaml, origin);
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new StackFile(origin, values);
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw Malformed(origin, stream.Documents[0].RootNode.Start, "the file must be a mapping with a `config:` key");
        }

        foreach (var (top, _) in root.Children)
        {
            var name = (top as YamlScalarNode)?.Value ?? "";
            if (!StackFileFields.Contains(name, StringComparer.Ordinal))
            {
                var near = Suggestions.Closest(name, StackFileFields);
                throw new SettingsException(origin, [new SettingsError("(file)", $"line {top.Start.Line}, column {top.Start.Column}",
                    $"{(near is null ? "" : $"did you mean {near}? ")}{name} is not a field of a stack file ({string.Join(", ", StackFileFields)}), so nothing under it would be read")]);
            }
        }

        var config = root.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: "config" }).Value;
        if (config is null or YamlScalarNode { Value: null or "" })
        {
            return new StackFile(origin, values);
        }

        if (config is not YamlMappingNode mapping)
        {
            throw Malformed(origin, config.Start, "`config:` must be a mapping of keys to values");
        }

        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? throw Malformed(origin, keyNode.Start, "config keys must be plain names (namespace:key)");
            all.Add(key);
            if (!key.StartsWith(Namespace + ":", StringComparison.Ordinal))
            {
                // Another namespace (kubernetes:, aws:): not ours to validate; its scalars are kept
                // for the few we read (aws:region prices the stack).
                if (valueNode is YamlScalarNode { Value: { } text })
                {
                    others[key] = text;
                }

                continue;
            }

            var name = key[(Namespace.Length + 1)..];
            if (values.ContainsKey(name))
            {
                throw Malformed(origin, keyNode.Start, $"the key {key} appears twice");
            }

            if (valueNode is YamlMappingNode { Children.Count: 1 } m && m.Children.Keys.Single() is YamlScalarNode { Value: "secure" })
            {
                secure.Add(name);
            }

            var node = ToJson(valueNode, key, origin);
            values[name] = node is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String
                ? scalar.GetValue<string>()
                : node?.ToJsonString() ?? "null";
        }

        return new StackFile(origin, values, others, all, secure);
    }

    private static JsonNode? ToJson(YamlNode node, string path, string origin)
    {
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (k, v) in map.Children)
                {
                    var name = (k as YamlScalarNode)?.Value ?? throw Malformed(origin, k.Start, $"{path}: keys must be plain names");
                    if (obj.ContainsKey(name))
                    {
                        throw Malformed(origin, k.Start, $"{path}.{name} appears twice (duplicate key)");
                    }

                    obj[name] = ToJson(v, $"{path}.{name}", origin);
                }

                return obj;
            case YamlSequenceNode seq:
                return new JsonArray(seq.Children.Select((c, i) => ToJson(c, $"{path}[{i}]", origin)).ToArray());
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                throw Malformed(origin, node.Start, $"{path}: unsupported YAML node (anchors and aliases are not used in stack files)");
        }
    }

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) => JsonValue.Create(i),
            _ when decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
            _ => JsonValue.Create(text),
        };
    }

    /// <summary>
    /// Parses YAML, turning every parser failure into an error at the line it concerns: YamlDotNet
    /// marks a tab in the indentation at the start of the enclosing mapping (line 1), so the first
    /// indented-with-a-tab line is named instead; and it fails on some malformed flow collections
    /// with an InvalidOperationException, so the last position it read is named.
    /// </summary>
    private static YamlStream LoadYaml(string yaml, string origin)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
            return stream;
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException?.Message ?? ex.Message;
            var tab = message.Contains("tab", StringComparison.Ordinal) ? TabIndented(yaml) : null;
            throw tab is { } line
                ? new SettingsException(origin, [new SettingsError("(file)", $"line {line}", "malformed YAML: a tab in the indentation; YAML indents with spaces only")])
                : Malformed(origin, ex.Start, message);
        }
        catch (InvalidOperationException)
        {
            throw Malformed(origin, LastReadable(yaml), "the parser stopped after this point (an unclosed {, [ or quote, or a stray character?)");
        }
    }

    private static int? TabIndented(string yaml)
    {
        var lines = yaml.Split('\n');
        var at = Array.FindIndex(lines, l => l.TakeWhile(char.IsWhiteSpace).Contains('\t'));
        return at < 0 ? null : at + 1;
    }

    private static Mark LastReadable(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var last = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                last = parser.Current!.End;
            }
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException)
        {
            // where it stopped is what we want
        }

        return last;
    }

    private static SettingsException Malformed(string origin, Mark at, string message) =>
        new(origin, [new SettingsError("(file)", $"line {at.Line}, column {at.Column}", $"malformed YAML: {message}")]);
}
