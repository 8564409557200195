using System.Security.Cryptography;
using System.Text;

namespace Superset.Artifacts;

/// <summary>
/// SHA-256 of generated text, for the pod-template annotation that rolls pods when their
/// configuration changes (a Secret's new content alone restarts nothing).
/// </summary>
public static class Checksum
{
    /// <summary>Lowercase hex SHA-256 of the UTF-8 text.</summary>
    public static string Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
