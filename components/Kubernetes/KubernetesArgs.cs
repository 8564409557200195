using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pulumi;

namespace Superset.Components.Kubernetes;

/// <summary>
/// The Kubernetes types of the pinned provider (Pulumi.Kubernetes 4.32.0, generated from Kubernetes
/// v1.36.1: pulumi/pulumi-kubernetes CHANGELOG.md@v4.32.0, provider/go.mod k8s.io/api v0.36.1), read
/// from its <c>*Args</c> classes: every field is an <c>[Input("name")]</c> on a property or, for lists
/// and maps, on a backing field. Two uses, one reading: <see cref="Describe"/> writes the field table
/// the settings are checked against (stacks/Catalog/Kubernetes/core-v1.json, compared by a test), and
/// <see cref="From"/> turns a checked value of the settings into the provider's Args, so no field the
/// check accepted can be lost on the way to the manifest.
/// </summary>
public static class KubernetesArgs
{
    private const string InputsNamespace = "Pulumi.Kubernetes.Types.Inputs.";

    /// <summary>The type's name in the table: <c>core.v1.Toleration</c> for <c>Core.V1.TolerationArgs</c>.</summary>
    public static string NameOf(Type args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var ns = args.Namespace![InputsNamespace.Length..].ToLowerInvariant();
        return $"{ns}.{args.Name[..^"Args".Length]}";
    }

    /// <summary>Every type reachable from <paramref name="roots"/>: its fields (name → kind) and the required ones.</summary>
    public static SortedDictionary<string, (SortedDictionary<string, string> Fields, IReadOnlyList<string> Required)> Describe(IEnumerable<Type> roots)
    {
        var types = new SortedDictionary<string, (SortedDictionary<string, string>, IReadOnlyList<string>)>(StringComparer.Ordinal);
        var pending = new Queue<Type>(roots);
        while (pending.TryDequeue(out var type))
        {
            var name = NameOf(type);
            if (types.ContainsKey(name))
            {
                continue;
            }

            var fields = new SortedDictionary<string, string>(StringComparer.Ordinal);
            var required = new List<string>();
            foreach (var (input, member, memberType) in Inputs(type))
            {
                fields[input.Name] = Kind(memberType, pending);
                if (input.IsRequired)
                {
                    required.Add(input.Name);
                }
            }

            types[name] = (fields, required.Order(StringComparer.Ordinal).ToList());
        }

        return types;
    }

    /// <summary>A value the settings checked against the table, as the provider's Args of <paramref name="type"/>.</summary>
    public static object From(Type type, JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(node);
        var args = Activator.CreateInstance(type)!;
        var obj = node.AsObject();
        foreach (var (input, member, memberType) in Inputs(type))
        {
            if (obj[input.Name] is { } value)
            {
                var converted = Convert(value, memberType);
                if (member is PropertyInfo p)
                {
                    p.SetValue(args, converted);
                }
                else
                {
                    ((FieldInfo)member).SetValue(args, converted);
                }
            }
        }

        return args;
    }

    /// <summary>The Args of <typeparamref name="T"/> from JSON text.</summary>
    public static T From<T>(string json) => (T)From(typeof(T), JsonNode.Parse(json)!);

    /// <summary>A list of Args of <typeparamref name="T"/> from a JSON array's text.</summary>
    public static IEnumerable<T> ListFrom<T>(string json) => JsonNode.Parse(json)!.AsArray().Select(n => (T)From(typeof(T), n!));

    /// <summary>The provider's inputs of an Args type: <c>[Input(name, required, json)]</c> (its members are internal: read from the attribute's data).</summary>
    private static IEnumerable<((string Name, bool IsRequired) Input, MemberInfo Member, Type Type)> Inputs(Type type)
    {
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        var members = type.GetProperties(flags).Select(p => ((MemberInfo)p, p.PropertyType))
            .Concat(type.GetFields(flags).Select(f => ((MemberInfo)f, f.FieldType)));
        foreach (var (member, memberType) in members)
        {
            if (member.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType == typeof(InputAttribute)) is { } a)
            {
                var args = a.ConstructorArguments;
                yield return (((string)args[0].Value!, args.Count > 1 && (bool)args[1].Value!), member, memberType);
            }
        }
    }

    private static string Kind(Type t, Queue<Type> pending)
    {
        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Input<>))
        {
            return Kind(t.GetGenericArguments()[0], pending);
        }

        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(InputList<>))
        {
            return "list:" + Kind(t.GetGenericArguments()[0], pending);
        }

        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(InputMap<>))
        {
            return "map:" + Kind(t.GetGenericArguments()[0], pending);
        }

        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(InputUnion<,>))
        {
            return "int-or-string";
        }

        if (t == typeof(string))
        {
            return "string";
        }

        if (t == typeof(int))
        {
            return "integer";
        }

        if (t == typeof(double))
        {
            return "number";
        }

        if (t == typeof(bool))
        {
            return "boolean";
        }

        if (t == typeof(InputJson))
        {
            return "json";
        }

        if (t.Namespace?.StartsWith(InputsNamespace, StringComparison.Ordinal) == true)
        {
            pending.Enqueue(t);
            return NameOf(t);
        }

        throw new NotSupportedException($"no table kind for {t}");
    }

    private static object? Convert(JsonNode node, Type t)
    {
        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Input<>))
        {
            var inner = t.GetGenericArguments()[0];
            return Implicit(t, inner, Convert(node, inner));
        }

        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(InputList<>))
        {
            var item = t.GetGenericArguments()[0];
            var array = Array.CreateInstance(item, node.AsArray().Count);
            var i = 0;
            foreach (var element in node.AsArray())
            {
                array.SetValue(Convert(element!, item), i++);
            }

            return Implicit(t, array.GetType(), array);
        }

        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(InputMap<>))
        {
            var value = t.GetGenericArguments()[0];
            var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), value))!;
            foreach (var (k, v) in node.AsObject())
            {
                dictionary[k] = Convert(v!, value);
            }

            return Implicit(t, dictionary.GetType(), dictionary);
        }

        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(InputUnion<,>))
        {
            return node.GetValueKind() == JsonValueKind.Number
                ? Implicit(t, typeof(int), node.GetValue<int>())
                : Implicit(t, typeof(string), node.GetValue<string>());
        }

        return t switch
        {
            _ when t == typeof(string) => node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString(),
            _ when t == typeof(int) => int.Parse(node.ToJsonString(), CultureInfo.InvariantCulture),
            _ when t == typeof(double) => double.Parse(node.ToJsonString(), CultureInfo.InvariantCulture),
            _ when t == typeof(bool) => node.GetValue<bool>(),
            _ when t == typeof(InputJson) => (InputJson)JsonDocument.Parse(node.ToJsonString()).RootElement,
            _ => From(t, node),
        };
    }

    /// <summary>The provider's implicit conversion from <paramref name="from"/> to <paramref name="to"/> (Input, InputList, InputMap, InputUnion).</summary>
    private static object? Implicit(Type to, Type from, object? value)
    {
        var op = to.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .FirstOrDefault(m => m.Name == "op_Implicit" && m.ReturnType == to && m.GetParameters()[0].ParameterType == from)
            ?? throw new NotSupportedException($"no conversion from {from} to {to}");
        return op.Invoke(null, [value]);
    }
}
