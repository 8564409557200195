using Superset.Stacks.Settings;

namespace Superset.Infra;

/// <summary>
/// Pulumi config as an <see cref="IConfigSource"/>: the same loader and validation as <c>plan</c>.
/// Pulumi hands structured values (<c>superset:sizing</c>) to .NET programs as JSON text, which is
/// the shape the loader expects.
/// </summary>
internal sealed class PulumiConfigSource(Pulumi.Config config, string stack) : IConfigSource
{
    public string Origin => $"the config of stack {stack} (Pulumi.{stack}.yaml)";

    public string? Get(string key) => config.Get(key);
}
