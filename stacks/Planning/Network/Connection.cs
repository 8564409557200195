namespace Superset.Planning.Network;

/// <summary>A connection the stack needs (or, in <see cref="StackTopology.Forbidden"/>, one it must refuse).</summary>
/// <param name="From">Who connects.</param>
/// <param name="To">The component it connects to.</param>
/// <param name="Port">The destination's port name.</param>
/// <param name="Why">What the connection is for (or why it must be refused).</param>
public sealed record Connection(Peer From, string To, string Port, string Why);
