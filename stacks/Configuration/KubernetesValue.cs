namespace Superset.Configuration;

/// <summary>
/// A value of the stack written in Kubernetes' own terms (a list of tolerations, an affinity, a
/// sidecar), checked against the pinned provider's types (stacks/Catalog/Kubernetes) when read.
/// Kept as its JSON, which the components turn into the provider's Args field for field.
/// </summary>
/// <param name="Kind">Its type in the field table: <c>core.v1.Affinity</c>, or <c>list:</c> of one.</param>
/// <param name="Json">The value, compact JSON.</param>
public sealed record KubernetesValue(string Kind, string Json)
{
    /// <inheritdoc/>
    public override string ToString() => Json;
}
