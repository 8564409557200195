namespace Superset.Analysis.Render;

/// <summary>One resource as the program declared it: its Pulumi type token, name and inputs.</summary>
/// <param name="Type">Type token, e.g. <c>kubernetes:apps/v1:Deployment</c>.</param>
/// <param name="Name">Pulumi resource name.</param>
/// <param name="Inputs">Inputs as plain values: dictionaries, lists, strings, numbers, booleans, null.</param>
public sealed record RenderedResource(string Type, string Name, IReadOnlyDictionary<string, object?> Inputs)
{
    /// <summary>Whether this is a Kubernetes object (its inputs are then an apply-ready manifest).</summary>
    public bool IsKubernetes => Type.StartsWith("kubernetes:", StringComparison.Ordinal) && Inputs.ContainsKey("kind");
}
