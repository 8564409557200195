using Superset.Configuration.Keys;

namespace Superset.Configuration.Reading;

/// <summary>
/// Refuses every key present in the stack's config that does nothing with its other settings
/// (<see cref="ConfigKey.InertWhen"/>): <c>aws.*</c> on an in-cluster stack, <c>flower.ingress</c>
/// without Flower. Only the outermost such key is named (<c>aws</c>, not each of its fields). A key
/// left empty (<c>threads:</c> with nothing after it) is refused too: it reads as absent.
/// </summary>
internal static class InertKeys
{
    public static void Check(IReadOnlyList<PresentKey> present, StackSettings settings, List<SettingsError> errors)
    {
        // A key with nothing after its colon reads as absent: the default wins while the file seems to say something.
        foreach (var p in present.Where(p => p.Raw is null or "null" && (p.Key.Path.Contains('.', StringComparison.Ordinal) || p.Key.Kind is ValueKind.Object or ValueKind.Map)))
        {
            errors.Add(new SettingsError($"{StackFile.Namespace}:{p.Path}", "(empty)", "a value, or remove the key to keep its default"));
        }

        var refused = new List<string>();
        foreach (var p in present)
        {
            if (refused.Any(r => p.Path.StartsWith(r + ".", StringComparison.Ordinal)) || p.Key.InertWhen?.Invoke(settings) is not { } why)
            {
                continue;
            }

            refused.Add(p.Path);
            var shown = p.Key.Secret ? "(secret, not shown)" : p.Key.Kind is ValueKind.Object or ValueKind.Map ? "(set)" : ObjectReader.Show(p.Raw ?? "");
            errors.Add(new SettingsError($"{StackFile.Namespace}:{p.Path}", shown, $"remove it: {why}"));
        }
    }
}
