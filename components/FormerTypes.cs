using Pulumi;

namespace Superset.Components;

/// <summary>
/// Keeps a renamed component's resources in place: a Pulumi alias from the type token it had
/// before, so an existing stack sees the same resources under the new URN instead of replacing them
/// (Pulumi docs, "Resource options: aliases"; children follow their parent's alias).
/// </summary>
internal static class FormerTypes
{
    /// <summary>The caller's options (not modified) plus an alias from <paramref name="formerType"/>.</summary>
    public static ComponentResourceOptions Alias(ComponentResourceOptions? options, string formerType) =>
        ComponentResourceOptions.Merge(options, new ComponentResourceOptions { Aliases = { new Alias { Type = formerType } } });
}
