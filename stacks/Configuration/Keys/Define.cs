namespace Superset.Configuration.Keys;

/// <summary>Short ways to write the registry's entries.</summary>
internal static class Define
{
    public static ConfigKey Int(string path, int min, int max, string description, Func<StackSettings, object?>? setting, string why = "") => new()
    {
        Path = path, Kind = ValueKind.Integer, Minimum = min, Maximum = max, Description = description, Setting = setting, Why = why,
    };

    public static ConfigKey Number(string path, decimal min, decimal max, string description, Func<StackSettings, object?>? setting, string why = "", bool maxExclusive = false) => new()
    {
        Path = path, Kind = ValueKind.Number, Minimum = min, Maximum = max, MaximumExclusive = maxExclusive, Description = description, Setting = setting, Why = why,
    };

    public static ConfigKey Bool(string path, string description, Func<StackSettings, object?>? setting) => new()
    {
        Path = path, Kind = ValueKind.Boolean, Description = description, Setting = setting,
    };

    public static ConfigKey Choice(string path, IReadOnlyList<string> values, string description, string expected, Func<StackSettings, object?>? setting) => new()
    {
        Path = path, Kind = ValueKind.String, Values = values, Description = description, Expected = expected, Setting = setting,
    };

    public static ConfigKey Text(string path, string pattern, string description, string expected, Func<StackSettings, object?>? setting) => new()
    {
        Path = path, Kind = ValueKind.String, Pattern = pattern, Description = description, Expected = expected, Setting = setting,
    };

    public static ConfigKey TextMap(string path, string description, string keyPattern, string? valuePattern, string expected, Func<StackSettings, object?>? setting) => new()
    {
        Path = path, Kind = ValueKind.StringMap, KeyPattern = keyPattern, Pattern = valuePattern, Description = description, Expected = expected, Setting = setting,
    };

    public static ConfigKey Kubernetes(string path, string kind, string description, Func<StackSettings, object?>? setting) => new()
    {
        Path = path, Kind = ValueKind.Kubernetes, KubernetesKind = kind, Description = description, Setting = setting,
        Expected = kind.StartsWith("list:", StringComparison.Ordinal) ? $"a list of Kubernetes {kind[5..]}" : $"a Kubernetes {kind}",
    };

    public static ConfigKey Object(string path, string description) => new() { Path = path, Kind = ValueKind.Object, Description = description };

    public static ConfigKey QueueInt(string field, (int Min, int Max) range, string description, Func<QueueSettings, object?> get, Func<QueueSettings, int, QueueSettings> set, string why = "") => new()
    {
        Path = $"{QueueKeys.Entry}.{field}", Kind = ValueKind.Integer, Minimum = range.Min, Maximum = range.Max, Description = description,
        QueueSetting = get, QueueUpdate = (q, v) => set(q, (int)v), Why = why,
    };

    public static ConfigKey QueueNumber(string field, (decimal Min, decimal Max) range, string description, Func<QueueSettings, object?> get, Func<QueueSettings, decimal, QueueSettings> set, string why = "") => new()
    {
        Path = $"{QueueKeys.Entry}.{field}", Kind = ValueKind.Number, Minimum = range.Min, Maximum = range.Max, Description = description,
        QueueSetting = get, QueueUpdate = (q, v) => set(q, (decimal)v), Why = why,
    };
}
