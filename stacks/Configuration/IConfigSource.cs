namespace Superset.Configuration;

/// <summary>
/// Where settings come from: a stack file read from disk (the <c>plan</c> command) or Pulumi's
/// config (the program). Both hand the loader the same shape, so one model and one validation
/// serve both.
/// </summary>
public interface IConfigSource
{
    /// <summary>A short description for error messages, e.g. <c>Pulumi.dev.yaml</c>.</summary>
    string Origin { get; }

    /// <summary>
    /// The raw value of <c>superset:&lt;key&gt;</c>: a scalar as its text, an object or list as JSON
    /// text (this is how Pulumi hands structured config to a program), or null when absent.
    /// </summary>
    string? Get(string key);

    /// <summary>
    /// Every <c>superset:</c> key the source holds, without the prefix, so that a misspelt key is
    /// refused instead of silently ignored; null when the source cannot list its keys.
    /// </summary>
    IReadOnlyCollection<string>? Keys { get; }

    /// <summary>
    /// The raw value of a key of another namespace, written in full (<c>aws:region</c>, the AWS
    /// provider's region), or null when absent or when the source cannot read other namespaces.
    /// </summary>
    string? GetQualified(string qualifiedKey) => null;

    /// <summary>
    /// Every key of the stack's config as written, with its namespace (<c>superset:tier</c>,
    /// <c>aws:region</c>, or a bare <c>tier</c>), so that a key meant for this program but written
    /// under another namespace, or none, is refused; null when the source cannot list them.
    /// </summary>
    IReadOnlyCollection<string>? AllKeys => null;

    /// <summary>
    /// Whether the <c>superset:</c> key holds a secret (set with <c>pulumi config set --secret</c>,
    /// kept encrypted in the stack file); null when the source cannot tell.
    /// </summary>
    bool? IsSecret(string key) => null;
}
